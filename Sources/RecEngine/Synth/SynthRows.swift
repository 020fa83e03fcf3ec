/// A row of users.csv as it will be written (fields are text, so dirty rows
/// can hold anything).
struct UserRow: Equatable {
    var id: String
    var name: String
    var age: String
    var gender: String
    var region: String

    static let header = ["user_id", "name", "age", "gender", "region"]
    var fields: [String] { [id, name, age, gender, region] }
}

/// A row of items.csv as it will be written.
struct ItemRow: Equatable {
    var id: String
    var title: String
    var contentType: String
    var genre: String

    static let header = ["item_id", "title", "content_type", "genre"]
    var fields: [String] { [id, title, contentType, genre] }
}

/// A row of events.csv given as text (story rows and dirty rows); generated
/// events live in `ViewingLog` instead.
struct EventRow: Equatable {
    var user: String
    var item: String
    var type: String
    var watchSeconds: String
    var timestamp: String

    static let header = ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"]
    var fields: [String] { [user, item, type, watchSeconds, timestamp] }
}

/// The event types of SPEC §3 in the order `ViewingLog.type` numbers them.
enum EventKind: UInt8, CaseIterable {
    case play, complete, like, save, pause, skip

    var name: String {
        switch self {
        case .play: return "play"
        case .complete: return "complete"
        case .like: return "like"
        case .save: return "save"
        case .pause: return "pause"
        case .skip: return "skip"
        }
    }

    /// The names as bytes, indexed by raw value, for the hot write loop.
    static let encodedNames: [[UInt8]] = allCases.map { Array($0.name.utf8) }
}
