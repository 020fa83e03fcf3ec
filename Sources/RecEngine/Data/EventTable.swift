/// The kept events in file order, as parallel arrays of dense indices.
/// Nothing computed from them depends on that order (docs/rules.md, "Row order").
public struct EventTable: Sendable {
    /// Index into `Dataset.users`.
    public internal(set) var user: [Int32] = []
    /// Index into `Dataset.items`.
    public internal(set) var item: [Int32] = []
    /// Index into the weight table's event types.
    public internal(set) var type: [UInt8] = []
    public internal(set) var watchSeconds: [Double] = []
    /// UTC seconds since 1970 (the fraction is dropped; display never shows it).
    public internal(set) var seconds: [Int64] = []

    public var count: Int { user.count }

    mutating func reserveCapacity(_ count: Int) {
        user.reserveCapacity(count)
        item.reserveCapacity(count)
        type.reserveCapacity(count)
        watchSeconds.reserveCapacity(count)
        seconds.reserveCapacity(count)
    }

    mutating func append(user: Int32, item: Int32, type: UInt8, watchSeconds: Double, seconds: Int64) {
        self.user.append(user)
        self.item.append(item)
        self.type.append(type)
        self.watchSeconds.append(watchSeconds)
        self.seconds.append(seconds)
    }
}
