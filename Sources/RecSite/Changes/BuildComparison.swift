import RecEngine

/// What moved between two builds, from their summaries: the inputs and
/// settings, the users and items, and the recommendations. Every list is in
/// a fixed order, so a report of it is deterministic.
public struct BuildComparison: Sendable, Equatable {
    public struct SettingChange: Sendable, Equatable {
        /// `k`, or `weight of TYPE`.
        public var name: String
        /// The old and new value as text; `nil` when the setting is absent on that side.
        public var old: String?
        public var new: String?
    }

    public struct CountChange: Sendable, Equatable {
        public var name: String
        public var old: Int
        public var new: Int
    }

    public struct InputChange: Sendable, Equatable {
        public var file: String
        public var rows: CountChange
        public var kept: CountChange
        /// Whether the kept rows' facts differ (also when the counts are equal).
        public var factsChanged: Bool
        /// Cleansing reasons and repairs whose counts differ.
        public var counts: [CountChange]
    }

    public struct EventChange: Sendable, Equatable {
        public var user: String
        public var old: Int
        public var new: Int
    }

    public struct TitleChange: Sendable, Equatable {
        public var item: String
        public var old: String
        public var new: String
    }

    /// An item in a top-k list: its ID and 1-based rank.
    public struct Ranked: Sendable, Equatable {
        public var item: String
        public var rank: Int
    }

    public struct RankMove: Sendable, Equatable {
        public var item: String
        public var old: Int
        public var new: Int
        /// The new source (`cf` or `popular`) when it changed, else `nil`.
        public var newSource: String? = nil
    }

    /// One user's top-k, changed.
    public struct ListChange: Sendable, Equatable {
        public var user: String
        public var entered: [Ranked]
        public var left: [Ranked]
        /// Items on both lists at another rank (or with another source).
        public var moved: [RankMove]

        /// How far the list moved: items in and out first, then rank distance.
        var weight: (Int, Int) { (entered.count + left.count, moved.reduce(0) { $0 + abs($1.new - $1.old) }) }
    }

    public struct ScoreMove: Sendable, Equatable {
        public var user: String
        public var item: String
        public var old: Double
        public var new: Double
        /// Whether any score of the list moved at the precision pages show (4 decimals).
        public var shown = false
        public var relative: Double { old == 0 ? (new == 0 ? 0 : .infinity) : abs(new - old) / abs(old) }
    }

    public struct CountMove: Sendable, Equatable {
        public var item: String
        public var title: String
        public var old: Int
        public var new: Int
    }

    public var settings: [SettingChange] = []
    public var inputs: [InputChange] = []
    public var usersCompared = 0
    public var usersAdded: [String] = []
    public var usersRemoved: [String] = []
    public var profilesChanged: [String] = []
    public var events: [EventChange] = []
    public var itemsAdded: [String] = []
    public var itemsRemoved: [String] = []
    /// Items whose row changed; a renamed title shows as old and new.
    public var itemsChanged: [TitleChange] = []
    public var k: Int
    /// Users on both sides whose top-k changed, most moved first.
    public var lists: [ListChange] = []
    /// Users on both sides with the same top-k whose scores moved; the largest move of each, largest first.
    public var scoreMoves: [ScoreMove] = []
    /// Items recommended to more or fewer users, largest change first.
    public var exposure: [CountMove] = []
    /// Items whose popularity rank changed, largest move first (`old`/`new` are ranks).
    public var popularity: [CountMove] = []
    /// Every item's title in either build, by ID (the new build's where both have one).
    public var titles: [String: String] = [:]

    /// Whether the builds computed the same from the same facts.
    public var isEmpty: Bool {
        settings.isEmpty && inputs.isEmpty && usersAdded.isEmpty && usersRemoved.isEmpty && profilesChanged.isEmpty
            && events.isEmpty && itemsAdded.isEmpty && itemsRemoved.isEmpty && itemsChanged.isEmpty && lists.isEmpty
            && scoreMoves.isEmpty && exposure.isEmpty && popularity.isEmpty
    }
}

extension BuildComparison {
    /// - Complexity: O((users + items) log(users + items) + users × k²).
    public init(old: BuildSummary, new: BuildSummary) {
        k = new.settings.k
        settings = Self.settingChanges(old.settings, new.settings)
        inputs = zip(old.inputs, new.inputs).compactMap(Self.inputChange)

        let oldUsers = Dictionary(old.users.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.users.map(\.id))
        usersRemoved = old.users.map(\.id).filter { !newIDs.contains($0) }
        for user in new.users {
            guard let before = oldUsers[user.id] else { usersAdded.append(user.id); continue }
            usersCompared += 1
            if before.row != user.row { profilesChanged.append(user.id) }
            if before.eventsFingerprint != user.eventsFingerprint {
                events.append(EventChange(user: user.id, old: before.events, new: user.events))
            }
            if let change = Self.listChange(before, user) {
                lists.append(change)
            } else if let move = Self.largestScoreMove(before, user) {
                scoreMoves.append(move)
            }
        }
        lists.sort { a, b in
            a.weight != b.weight ? a.weight > b.weight : IDOrder.less(a.user, b.user)
        }
        scoreMoves.sort { a, b in
            a.relative != b.relative ? a.relative > b.relative : IDOrder.less(a.user, b.user)
        }

        let oldItems = Dictionary(old.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newItemIDs = Set(new.items.map(\.id))
        itemsRemoved = old.items.map(\.id).filter { !newItemIDs.contains($0) }
        for item in old.items { titles[item.id] = item.title }
        for item in new.items {
            titles[item.id] = item.title
            guard let before = oldItems[item.id] else { itemsAdded.append(item.id); continue }
            if before.row != item.row { itemsChanged.append(TitleChange(item: item.id, old: before.title, new: item.title)) }
            if before.rank != item.rank {
                popularity.append(CountMove(item: item.id, title: item.title, old: before.rank, new: item.rank))
            }
        }
        popularity.sort { a, b in
            let (x, y) = (abs(a.new - a.old), abs(b.new - b.old))
            return x != y ? x > y : a.new != b.new ? a.new < b.new : IDOrder.less(a.item, b.item)
        }
        exposure = Self.exposureChanges(old, new, titles: titles)
    }

    private static func settingChanges(_ old: BuildSummary.Settings, _ new: BuildSummary.Settings) -> [SettingChange] {
        var changes: [SettingChange] = []
        if old.k != new.k { changes.append(SettingChange(name: "k", old: String(old.k), new: String(new.k))) }
        let before = Dictionary(old.weights.map { ($0.type, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.weights.map { ($0.type, $0.weight) }, uniquingKeysWith: { a, _ in a })
        for type in Set(before.keys).union(after.keys).sorted(by: codePointLess) where before[type] != after[type] {
            changes.append(SettingChange(name: "weight of \(type)", old: before[type].map(NumberFormat.exact),
                                         new: after[type].map(NumberFormat.exact)))
        }
        return changes
    }

    private static func inputChange(_ old: BuildSummary.Input, _ new: BuildSummary.Input) -> InputChange? {
        var counts: [CountChange] = []
        for (before, after) in [(old.reasons, new.reasons), (old.repairs, new.repairs)] {
            let a = Dictionary(before.map { ($0.name, $0.count) }, uniquingKeysWith: +)
            let b = Dictionary(after.map { ($0.name, $0.count) }, uniquingKeysWith: +)
            // Reasons in the new file's order, then those only the old one had.
            let names = after.map(\.name) + before.map(\.name).filter { b[$0] == nil }
            for name in names where a[name, default: 0] != b[name, default: 0] {
                counts.append(CountChange(name: name, old: a[name, default: 0], new: b[name, default: 0]))
            }
        }
        let change = InputChange(file: new.file, rows: CountChange(name: "rows", old: old.rows, new: new.rows),
                                 kept: CountChange(name: "kept", old: old.kept, new: new.kept),
                                 factsChanged: old.fingerprint != new.fingerprint, counts: counts)
        let same = old.rows == new.rows && old.kept == new.kept && !change.factsChanged && counts.isEmpty
        return same ? nil : change
    }

    /// The change of a list, or `nil` when the same items come at the same ranks from the same sources.
    private static func listChange(_ old: BuildSummary.UserEntry, _ new: BuildSummary.UserEntry) -> ListChange? {
        let oldRanks = Dictionary(old.items.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let newRanks = Dictionary(new.items.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var change = ListChange(user: new.id, entered: [], left: [], moved: [])
        for (position, item) in new.items.enumerated() {
            if let before = oldRanks[item] {
                let sourceChanged = (old.scores[before] == nil) != (new.scores[position] == nil)
                if before != position || sourceChanged {
                    let source = sourceChanged ? (new.scores[position] == nil ? "popular" : "cf") : nil
                    change.moved.append(RankMove(item: item, old: before + 1, new: position + 1, newSource: source))
                }
            } else {
                change.entered.append(Ranked(item: item, rank: position + 1))
            }
        }
        for (position, item) in old.items.enumerated() where newRanks[item] == nil {
            change.left.append(Ranked(item: item, rank: position + 1))
        }
        return change.entered.isEmpty && change.left.isEmpty && change.moved.isEmpty ? nil : change
    }

    /// The largest relative move of a score on an unchanged list (first by rank among equals), or `nil`.
    private static func largestScoreMove(_ old: BuildSummary.UserEntry, _ new: BuildSummary.UserEntry) -> ScoreMove? {
        var largest: ScoreMove?
        var shown = false
        for (position, item) in new.items.enumerated() {
            guard let a = old.scores[position], let b = new.scores[position], a != b else { continue }
            shown = shown || NumberFormat.score(a) != NumberFormat.score(b)
            let move = ScoreMove(user: new.id, item: item, old: a, new: b)
            if largest == nil || move.relative > largest!.relative { largest = move }
        }
        largest?.shown = shown
        return largest
    }

    private static func exposureChanges(_ old: BuildSummary, _ new: BuildSummary, titles: [String: String]) -> [CountMove] {
        func counts(_ summary: BuildSummary) -> [String: Int] {
            var counts: [String: Int] = [:]
            for user in summary.users { for item in user.items { counts[item, default: 0] += 1 } }
            return counts
        }
        let (before, after) = (counts(old), counts(new))
        let items = Set(before.keys).union(after.keys).filter { before[$0, default: 0] != after[$0, default: 0] }
        return items.map { CountMove(item: $0, title: titles[$0] ?? $0, old: before[$0, default: 0], new: after[$0, default: 0]) }
            .sorted { a, b in
                let (x, y) = (abs(a.new - a.old), abs(b.new - b.old))
                return x != y ? x > y : a.new != b.new ? a.new > b.new : IDOrder.less(a.item, b.item)
            }
    }
}
