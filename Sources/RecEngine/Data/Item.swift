/// A kept row of `items.csv`, with SPEC §2 defaults applied.
public struct Item: Sendable, Equatable {
    public let id: String
    /// The title; the item ID when the file's title is empty.
    public let title: String
    /// Lower-cased content type; "unknown" when empty.
    public let contentType: String
    /// Lower-cased genre; "unknown" when empty.
    public let genre: String

    public init(id: String, title: String, contentType: String = "unknown", genre: String = "unknown") {
        self.id = id
        self.title = title
        self.contentType = contentType
        self.genre = genre
    }

    /// Whether the item counts in the movies-only view.
    public var isMovie: Bool { contentType == "movie" }
}
