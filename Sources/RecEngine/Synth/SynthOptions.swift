/// What `SyntheticData.generate` should make.
///
/// Counts are what loading the output keeps, dirty or not: `users` users,
/// `items` items and `events` events (story events included). `dirty` only
/// adds rows that cleansing drops and damages kept rows in ways cleansing
/// repairs or flags.
public struct SynthOptions: Sendable, Equatable {
    /// Users `u1…uN`. Story users with other IDs come on top.
    public var users: Int
    /// Items `i1…iM`. Story items with other IDs come on top.
    public var items: Int
    /// Clean event rows, story events included; generated events fill the
    /// rest. Rows added by `dirty` are extra.
    public var events: Int
    /// The same seed (and other options) gives the same bytes.
    public var seed: UInt64
    /// Adds ~1.5 % rows breaking each SPEC §2 rule, interleaved.
    public var dirty: Bool
    /// Rows pinned by hand, laid over the generated ones.
    public var story: SynthStory?

    /// The largest counts accepted, so a typo cannot exhaust memory.
    public static let maximumUsers = 5_000_000
    public static let maximumItems = 1_000_000
    public static let maximumEvents = 100_000_000

    /// Options for one data set.
    /// - Parameters:
    ///   - users: users `u1…uN`, 1…`maximumUsers`.
    ///   - items: items `i1…iM`, 1…`maximumItems`.
    ///   - events: clean event rows, story events included, 0…`maximumEvents`.
    ///   - seed: the random seed.
    ///   - dirty: whether to add rows that break SPEC §2's rules.
    ///   - story: rows pinned by hand, laid over the generated ones.
    public init(users: Int, items: Int, events: Int, seed: UInt64, dirty: Bool = false, story: SynthStory? = nil) {
        self.users = users
        self.items = items
        self.events = events
        self.seed = seed
        self.dirty = dirty
        self.story = story
    }

    /// Checks the counts against their ranges.
    /// - Throws: `SynthError.invalidCount` naming the first bad count.
    /// - Complexity: O(1).
    public func validate() throws {
        if users < 1 || users > Self.maximumUsers {
            throw SynthError.invalidCount(name: "users", value: users, range: 1...Self.maximumUsers)
        }
        if items < 1 || items > Self.maximumItems {
            throw SynthError.invalidCount(name: "items", value: items, range: 1...Self.maximumItems)
        }
        if events < 0 || events > Self.maximumEvents {
            throw SynthError.invalidCount(name: "events", value: events, range: 0...Self.maximumEvents)
        }
    }
}

/// Hand-written rows (`users.csv`, `items.csv`, `events.csv` bytes with the
/// usual columns) laid over the generated data:
///
/// - a story user or item replaces the generated row with the same ID; one
///   with a new ID is added after the generated rows;
/// - users in the story (in its users.csv or its events.csv) get no generated
///   events: their events are exactly the story's;
/// - generated items never take a story item's title, so titles stay unique.
public struct SynthStory: Sendable, Equatable {
    public var users: [UInt8]
    public var items: [UInt8]
    public var events: [UInt8]

    /// A story from the bytes of its three files.
    /// - Parameters:
    ///   - users: users.csv (`user_id` required; `name`, `age`, `gender`, `region`).
    ///   - items: items.csv (`item_id` required; `title`, `content_type`, `genre`).
    ///   - events: events.csv (all five columns). An empty file means no rows.
    public init(users: [UInt8], items: [UInt8], events: [UInt8]) {
        self.users = users
        self.items = items
        self.events = events
    }
}

/// The three generated files and what went into them.
public struct SyntheticFiles: Sendable, Equatable {
    /// The bytes of users.csv (UTF-8, LF line ends, header first).
    public let users: [UInt8]
    /// The bytes of items.csv.
    public let items: [UInt8]
    /// The bytes of events.csv, ordered by time with dirty rows interleaved.
    public let events: [UInt8]
    /// Row counts.
    public let summary: SynthSummary
}

/// Row counts of a generated data set.
public struct SynthSummary: Sendable, Equatable {
    /// Rows that loading keeps.
    public let users: Int, items: Int, events: Int
    /// Extra rows that loading drops (0 without `dirty`).
    public let dirtyUsers: Int, dirtyItems: Int, dirtyEvents: Int
    /// Events taken from the story as they are.
    public let storyEvents: Int
}

/// Why synthetic data could not be made.
public enum SynthError: Error, Equatable, CustomStringConvertible {
    /// A count outside its range; `name` is the option (`users`, `items`, `events`).
    case invalidCount(name: String, value: Int, range: ClosedRange<Int>)
    /// A story file has no header or lacks a required column.
    case storyMissingColumn(file: String, column: String)

    public var description: String {
        switch self {
        case .invalidCount(let name, let value, let range):
            return "--\(name) must be in \(range.lowerBound)…\(range.upperBound), not \(value)"
        case .storyMissingColumn(let file, let column):
            return "story \(file): missing required column '\(column)'"
        }
    }
}
