/// recsite's three input files made by an import, as bytes ready to write,
/// with the number of rows in each.
public struct MovieLensFiles: Sendable, Equatable {
    /// `users.csv`: `user_id,age,gender,region`.
    public let users: [UInt8]
    /// `items.csv`: `item_id,title,content_type,genre,genres`.
    public let items: [UInt8]
    /// `events.csv`: `user_id,item_id,event_type,watch_seconds,timestamp`.
    public let events: [UInt8]
    public let userCount: Int
    public let itemCount: Int
    public let eventCount: Int
}
