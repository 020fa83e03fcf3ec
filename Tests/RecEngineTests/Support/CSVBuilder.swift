@testable import RecEngine

/// Builds CSV text line by line. Fields are written as given (so tests can put
/// odd bytes, quotes and spaces exactly where they want); `quoted` makes an
/// RFC 4180 quoted field.
struct CSVBuilder {
    private(set) var lines: [String]
    var lineEnd: String

    init(_ header: String..., lineEnd: String = "\n") {
        lines = [header.joined(separator: ",")]
        self.lineEnd = lineEnd
    }

    init(header: [String], lineEnd: String = "\n") {
        lines = [header.joined(separator: ",")]
        self.lineEnd = lineEnd
    }

    /// Adds a row of fields joined by commas.
    mutating func row(_ fields: String...) { lines.append(fields.joined(separator: ",")) }

    mutating func row(fields: [String]) { lines.append(fields.joined(separator: ",")) }

    /// Adds a line exactly as given.
    mutating func raw(_ line: String) { lines.append(line) }

    var text: String { lines.map { $0 + lineEnd }.joined() }

    var bytes: [UInt8] { Array(text.utf8) }

    static func quoted(_ field: String) -> String {
        var out = "\""
        for character in field {
            out.append(character)
            if character == "\"" { out.append("\"") }
        }
        return out + "\""
    }
}

/// Minimal valid files and a loader that works on bytes in memory.
enum TestFiles {
    static let usersHeader = "user_id,name,age,gender,region"
    static let itemsHeader = "item_id,title,content_type,genre"
    static let eventsHeader = "user_id,item_id,event_type,watch_seconds,timestamp"

    /// users u1, u2; items i1 (movie), i2 (series).
    static let users = usersHeader + "\nu1,Ann,30,f,north\nu2,Bob,41,m,south\n"
    static let items = itemsHeader + "\ni1,One,movie,drama\ni2,Two,series,comedy\n"

    /// Paths carry a folder so tests can check reports use the bare file name.
    static func load(
        users: String = TestFiles.users, items: String = TestFiles.items,
        events: String = TestFiles.eventsHeader + "\n", weights: EventWeights = .standard
    ) throws -> Dataset {
        try DatasetLoader.load(
            users: ("some/dir/users.csv", Array(users.utf8)),
            items: ("some/dir/items.csv", Array(items.utf8)),
            events: ("some/dir/events.csv", Array(events.utf8)),
            weights: weights)
    }

    /// Loads with the default users and items and the given event lines after the header.
    static func loadEvents(_ lines: [String]) throws -> Dataset {
        try load(events: ([eventsHeader] + lines).map { $0 + "\n" }.joined())
    }
}
