import RecEngine

/// What one build computed, in facts a later build can be compared with
/// (`api/build.json`): the inputs' fingerprints and cleansing counts, the
/// settings, and per user and per item the results a reviewer cares about.
///
/// Everything here is independent of the input files' row order
/// (docs/rules.md), so two builds of the same facts have equal summaries.
public struct BuildSummary: Sendable, Equatable {
    public struct Settings: Sendable, Equatable {
        public var k: Int
        /// Event type and weight, in the weight table's order.
        public var weights: [Weight]
    }

    public struct Weight: Sendable, Equatable {
        public var type: String
        public var weight: Double
    }

    /// One input file: its rows, the kept ones' fingerprint and what cleansing counted.
    public struct Input: Sendable, Equatable {
        public var file: String
        public var rows: Int
        public var kept: Int
        public var fingerprint: Fingerprint
        /// Rows per cleansing reason, in rule order.
        public var reasons: [Count]
        /// Repairs that kept a row, by description.
        public var repairs: [Count]
    }

    public struct Count: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    /// One kept user: the profile row, the kept events and the top-k.
    public struct UserEntry: Sendable, Equatable {
        public var id: String
        /// The fingerprint of the user's row (name, age, gender, region).
        public var row: Fingerprint
        public var events: Int
        /// The multiset fingerprint of the user's kept events.
        public var eventsFingerprint: Fingerprint
        /// |H(u)|.
        public var history: Int
        /// Recommended item IDs by rank.
        public var items: [String]
        /// Each recommendation's score; `nil` for popular fill.
        public var scores: [Double?]
    }

    /// One kept item: its row and popularity.
    public struct ItemEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        /// The fingerprint of the item's row (title, content type, genre).
        public var row: Fingerprint
        public var popularity: Double
        public var viewers: Int
        public var rank: Int
    }

    public var settings: Settings
    /// `users.csv`, `items.csv`, `events.csv`.
    public var inputs: [Input]
    /// In ID order.
    public var users: [UserEntry]
    /// In ID order.
    public var items: [ItemEntry]
}

extension BuildSummary {
    /// The summary of a built model and its recommendations (every user's list, in user order).
    /// - Complexity: O(events + users × k + items).
    public init(model: RecommenderModel, recommendations: [[Recommendation]]) {
        let dataset = model.dataset
        let userRows = dataset.users.map { Fingerprint.of([$0.id, $0.name, $0.age.map(String.init) ?? "", $0.gender, $0.region]) }
        let itemRows = dataset.items.map { Fingerprint.of([$0.id, $0.title, $0.contentType, $0.genre]) }
        // An event's facts: who, what, which type, how long (the double's bits) and when (seconds).
        let userIDs = dataset.users.map { Fingerprint.of([$0.id]).value }
        let itemIDs = dataset.items.map { Fingerprint.of([$0.id]).value }
        let typeIDs = dataset.eventTypes.map { Fingerprint.of([$0]).value }
        var eventCounts = [Int](repeating: 0, count: dataset.users.count)
        var eventPrints = [Fingerprint](repeating: Fingerprint(), count: dataset.users.count)
        let events = dataset.events
        for e in 0..<events.count {
            let u = Int(events.user[e])
            let print = Fingerprint(userIDs[u]).then(itemIDs[Int(events.item[e])]).then(typeIDs[Int(events.type[e])])
                .then(events.watchSeconds[e].bitPattern).then(UInt64(bitPattern: events.seconds[e]))
            eventCounts[u] += 1
            eventPrints[u].add(print)
        }
        func multiset(_ rows: [Fingerprint]) -> Fingerprint {
            rows.reduce(into: Fingerprint()) { $0.add($1) }
        }
        let report = dataset.report
        let kept = [multiset(userRows), multiset(itemRows), multiset(eventPrints)]
        settings = Settings(k: model.config.k, weights: zip(model.config.weights.types, model.config.weights.weights)
            .map { Weight(type: $0, weight: $1) })
        inputs = zip(report.files, kept).map { file, print in
            Input(file: file.file, rows: file.rowsRead, kept: file.kept, fingerprint: print,
                  reasons: file.reasons.map { Count(name: $0.reason.rawValue, count: $0.count) },
                  repairs: file.repairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                      .map { Count(name: $0.key, count: $0.value) })
        }
        users = dataset.users.indices.map { u in
            let list = recommendations[u]
            return UserEntry(id: dataset.users[u].id, row: userRows[u], events: eventCounts[u], eventsFingerprint: eventPrints[u],
                             history: model.historyCount(user: u), items: list.map { dataset.items[Int($0.item)].id },
                             scores: list.map(\.score))
        }
        items = dataset.items.indices.map { i in
            ItemEntry(id: dataset.items[i].id, title: dataset.items[i].title, row: itemRows[i],
                      popularity: model.popularity.score[i], viewers: model.popularity.viewers[i],
                      rank: model.popularity.rank[i])
        }
    }
}
