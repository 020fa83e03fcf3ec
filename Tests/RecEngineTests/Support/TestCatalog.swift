@testable import RecEngine

/// A data set written as three CSV files, with the same events handed to the
/// reference engine. Events are assumed valid and distinct (no cleansing).
struct TestCatalog {
    struct ItemRow {
        let id: String
        var contentType = "movie"
        var genre = "drama"
    }

    struct EventRow {
        let user: String
        let item: String
        let type: String
        let seconds: Double
        let timestamp: String
    }

    var users: [String] = []
    var items: [ItemRow] = []
    var events: [EventRow] = []

    /// Adds an event; timestamps default to distinct instants so no two events are duplicates.
    mutating func event(_ user: String, _ item: String, _ type: String = "play", _ seconds: Double, at timestamp: String? = nil) {
        events.append(EventRow(user: user, item: item, type: type, seconds: seconds,
                               timestamp: timestamp ?? TestCatalog.timestamp(events.count)))
    }

    /// A distinct, valid UTC timestamp for the n-th event (n < 86 400).
    static func timestamp(_ n: Int) -> String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "2025-01-\(pad(1 + n % 28))T\(pad(n / 3600 % 24)):\(pad(n / 60 % 60)):\(pad(n % 60))Z"
    }

    var usersCSV: String {
        var csv = CSVBuilder("user_id", "name")
        for user in users { csv.row(user, "name of \(user)") }
        return csv.text
    }

    var itemsCSV: String {
        var csv = CSVBuilder("item_id", "title", "content_type", "genre")
        for item in items { csv.row(item.id, "Title \(item.id)", item.contentType, item.genre) }
        return csv.text
    }

    var eventsCSV: String {
        var csv = CSVBuilder("user_id", "item_id", "event_type", "watch_seconds", "timestamp")
        for e in events { csv.row(e.user, e.item, e.type, "\(e.seconds)", e.timestamp) }
        return csv.text
    }

    func load() throws -> Dataset {
        try TestFiles.load(users: usersCSV, items: itemsCSV, events: eventsCSV)
    }

    func model(k: Int = 10, workers: Int = 1) throws -> RecommenderModel {
        RecommenderModel(dataset: try load(), config: EngineConfig(k: k), workers: workers)
    }

    func reference() -> ReferenceEngine {
        ReferenceEngine(
            users: users, items: items.map(\.id),
            events: events.map { .init(user: $0.user, item: $0.item, type: $0.type, seconds: $0.seconds) })
    }

    /// A random data set: skewed item popularity, all six event types, about
    /// 10 % zero-second events, fractional seconds, a user with no events, an
    /// item nobody watched, an item with only zero-second events, and
    /// `duplicateColumns` items whose events copy another item's exactly (so
    /// similarities, scores and popularity tie exactly).
    static func random(seed: UInt64, users userCount: Int, items itemCount: Int, events eventCount: Int,
                       duplicateColumns: Int = 0) -> TestCatalog {
        var rng = TestRandom(seed: seed)
        var catalog = TestCatalog()
        let userPrefixes = ["u", "u", "u", "user", "x"]
        var userIDs: [String] = []
        var taken = Set<String>()
        while userIDs.count < userCount {
            let id = rng.pick(userPrefixes) + (rng.chance(0.1) ? "0" : "") + "\(rng.int(1...(userCount * 3)))"
            if taken.insert(id).inserted { userIDs.append(id) }
        }
        let types = [("m", "movie"), ("s", "series"), ("d", "documentary")]
        let genres = ["drama", "comedy", "action", "nature"]
        var itemRows: [ItemRow] = []
        while itemRows.count < itemCount {
            let (prefix, type) = rng.pick(types)
            let id = prefix + "\(rng.int(1...(itemCount * 3)))"
            if taken.insert(id).inserted { itemRows.append(ItemRow(id: id, contentType: type, genre: rng.pick(genres))) }
        }
        let eventTypes = ["play", "complete", "like", "save", "pause", "skip", "PLAY"]
        for _ in 0..<eventCount {
            let user = rng.pick(userIDs)
            let u = Double.random(in: 0..<1, using: &rng)
            let item = itemRows[min(itemCount - 1, Int(Double(itemCount) * u * u))].id
            let seconds: Double
            switch rng.int(0...9) {
            case 0: seconds = 0
            case 1...6: seconds = Double(rng.int(1...5400))
            default: seconds = Double(rng.int(1...54_000)) / 10
            }
            catalog.event(user, item, rng.pick(eventTypes), seconds)
        }
        for n in 0..<duplicateColumns {
            let source = itemRows[n % itemRows.count]
            let clone = ItemRow(id: (n % 2 == 0 ? "a" : "z") + source.id, contentType: source.contentType, genre: source.genre)
            for e in catalog.events where e.item == source.id { catalog.event(e.user, clone.id, e.type, e.seconds) }
            itemRows.append(clone)
        }
        let zeroItem = ItemRow(id: "zero1", contentType: "series", genre: "drama")
        itemRows.append(zeroItem)
        catalog.event(userIDs[0], zeroItem.id, "play", 0)
        catalog.event(userIDs[userIDs.count / 2], zeroItem.id, "like", 0)
        itemRows.append(ItemRow(id: "unseen1", contentType: "movie", genre: "nature"))
        userIDs.append("cold1")
        // Files list rows in a shuffled order; the engine must sort them.
        userIDs.shuffle(using: &rng)
        itemRows.shuffle(using: &rng)
        catalog.users = userIDs
        catalog.items = itemRows
        return catalog
    }
}
