import RecEngine

/// A `BuildComparison` laid out for reading: a headline and sections of
/// sentences and tables, each list cut to `limit` entries with a count of
/// the rest. `ChangeReportText` and `ChangeReportMarkdown` render it.
public struct ChangeReport: Sendable {
    /// A piece of a sentence or cell: text, or a user or item a renderer may link.
    public enum Piece: Sendable, Equatable {
        /// Text recsite wrote: numbers, arrows, sentences.
        case text(String)
        /// Text from the data (a title, an event type), escaped where it needs to be.
        case data(String)
        case user(String)
        case item(id: String, title: String)
    }

    public typealias Line = [Piece]

    public struct Table: Sendable {
        public var columns: [(name: String, numeric: Bool)]
        public var rows: [[Line]]
        /// Rows left out beyond the limit.
        public var omitted: Int
    }

    /// A sentence, or a table with its caption.
    public enum Block: Sendable {
        case line(Line)
        case table(caption: Line, Table)
    }

    public struct Section: Sendable {
        public var title: String
        public var blocks: [Block] = []
        var isEmpty: Bool { blocks.isEmpty }
        mutating func add(_ line: Line) { blocks.append(.line(line)) }
        mutating func add(_ caption: Line, _ table: Table) { blocks.append(.table(caption: caption, table)) }
    }

    public let headline: Line
    public let sections: [Section]

    /// - Parameters:
    ///   - comparison: what moved.
    ///   - limit: the most rows any one list shows.
    public init(_ comparison: BuildComparison, limit: Int) {
        let c = comparison
        func item(_ id: String) -> Piece { .item(id: id, title: c.titles[id] ?? id) }
        func cut<T>(_ values: [T], _ row: (T) -> [Line]) -> (rows: [[Line]], omitted: Int) {
            (values.prefix(limit).map(row), max(0, values.count - limit))
        }
        func table<T>(_ columns: [(String, Bool)], _ values: [T], _ row: (T) -> [Line]) -> Table {
            let (rows, omitted) = cut(values, row)
            return Table(columns: columns.map { (name: $0.0, numeric: $0.1) }, rows: rows, omitted: omitted)
        }
        func list(_ label: String, _ ids: [String], _ piece: (String) -> Piece) -> Line? {
            guard !ids.isEmpty else { return nil }
            var line: Line = [.text("\(label) (\(ids.count)): ")]
            for (index, id) in ids.prefix(limit).enumerated() {
                if index > 0 { line.append(.text(", ")) }
                line.append(piece(id))
            }
            if ids.count > limit { line.append(.text(" … and \(ids.count - limit) more")) }
            return line + [.text(".")]
        }
        func items(_ ranked: [BuildComparison.Ranked]) -> Line {
            var line: Line = []
            for (index, entry) in ranked.enumerated() {
                if index > 0 { line.append(.text(", ")) }
                line += [item(entry.item), .text(" #\(entry.rank)")]
            }
            return line
        }

        headline = [.text(Self.headline(c))]
        var sections: [Section] = []

        var inputs = Section(title: "Inputs and settings")
        if c.inputs.isEmpty && c.settings.isEmpty { inputs.add([.text("The same input facts and settings.")]) }
        if !c.inputs.isEmpty {
            inputs.add([.text("Input files whose facts or counts changed:")], table(
                [("File", false), ("Rows", true), ("Kept", true), ("Kept facts", false), ("Cleansing counts", false)],
                c.inputs) { input in
                    [[.data(input.file)], [.text(Self.arrow(input.rows.old, input.rows.new))],
                     [.text(Self.arrow(input.kept.old, input.kept.new))], [.text(input.factsChanged ? "changed" : "same")],
                     [.data(input.counts.isEmpty ? "same" : input.counts.map { "\($0.name) \(Self.arrow($0.old, $0.new))" }
                         .joined(separator: "; "))]]
                })
        }
        if !c.settings.isEmpty {
            inputs.add([.text("Settings:")], table([("Setting", false), ("Old", true), ("New", true)], c.settings) {
                [[.data($0.name)], [.text($0.old ?? "—")], [.text($0.new ?? "—")]]
            })
        }
        sections.append(inputs)

        var people = Section(title: "Users and items")
        for line in [
            list("Users added", c.usersAdded, Piece.user), list("Users removed", c.usersRemoved, { .data($0) }),
            list("Users whose profile row changed", c.profilesChanged, Piece.user),
            list("Items added", c.itemsAdded, item), list("Items removed", c.itemsRemoved, { .data($0) }),
        ].compactMap({ $0 }) { people.add(line) }
        if !c.events.isEmpty {
            let added = c.events.reduce(0) { $0 + max(0, $1.new - $1.old) }
            let removed = c.events.reduce(0) { $0 + max(0, $1.old - $1.new) }
            people.add([.text("Kept events changed for \(c.events.count) user\(c.events.count == 1 ? "" : "s") "
                + "(+\(added) / −\(removed) events; a changed event counts as neither):")],
                table([("User", false), ("Events", true)], c.events) { [[.user($0.user)], [.text(Self.arrow($0.old, $0.new))]] })
        }
        if !c.itemsChanged.isEmpty {
            people.add([.text("Items whose row changed (title, content type or genre):")],
                table([("Item", false), ("Old title", false), ("New title", false)], c.itemsChanged) {
                    [[.data($0.item)], [.data($0.old)], [.data($0.new)]]
                })
        }
        if people.isEmpty { people.add([.text("No user or item was added, removed or changed.")]) }
        sections.append(people)

        var lists = Section(title: "Recommendations (top \(c.k))")
        lists.add([.text("Top \(c.k) changed for \(c.lists.count) of \(c.usersCompared) users in both builds"
            + (c.usersAdded.isEmpty ? "." : "; \(c.usersAdded.count) new user\(c.usersAdded.count == 1 ? "" : "s") got a first list."))])
        if !c.lists.isEmpty {
            lists.add([.text("The most moved lists (items in and out first, then rank distance):")],
                table([("User", false), ("Entered", false), ("Left", false), ("Rank moves", false)], c.lists) { change in
                    [[.user(change.user)], items(change.entered), items(change.left),
                     change.moved.enumerated().flatMap { index, move in
                         (index > 0 ? [Piece.text(", ")] : []) + [item(move.item), .text(" #\(move.old)→#\(move.new)"
                             + (move.newSource.map { $0 == "cf" ? " (now cf)" : " (now popular fill)" } ?? ""))]
                     }]
                })
        }
        if let largest = c.scoreMoves.first {
            lists.add([.text("Scores moved on an unchanged list for \(c.scoreMoves.count) user\(c.scoreMoves.count == 1 ? "" : "s"); "
                + "the largest relative move is \(Self.percent(largest.relative)) ("), .user(largest.user), .text(", "),
                item(largest.item), .text(": \(NumberFormat.score(largest.old)) → \(NumberFormat.score(largest.new))).")])
            lists.add([.text("Largest score moves on unchanged lists:")],
                table([("User", false), ("Item", false), ("Old", true), ("New", true), ("Move", true)], c.scoreMoves) {
                    [[.user($0.user)], [item($0.item)], [.text(NumberFormat.score($0.old))], [.text(NumberFormat.score($0.new))],
                     [.text(Self.percent($0.relative))]]
                })
        } else {
            lists.add([.text("No score moved on an unchanged list.")])
        }
        sections.append(lists)

        var exposure = Section(title: "Exposure and popularity")
        if c.exposure.isEmpty { exposure.add([.text("Every item is recommended to as many users as before.")]) } else {
            exposure.add([.text("Items recommended to more or fewer users (\(c.exposure.count)):")],
                table([("Item", false), ("Users", true), ("Change", true)], c.exposure) {
                    [[item($0.item)], [.text(Self.arrow($0.old, $0.new))], [.text(Self.signed($0.new - $0.old))]]
                })
        }
        if c.popularity.isEmpty { exposure.add([.text("No popularity rank changed.")]) } else {
            exposure.add([.text("Popularity ranks that changed (\(c.popularity.count)):")],
                table([("Item", false), ("Rank", true), ("Change", true)], c.popularity) {
                    [[item($0.item)], [.text("#\($0.old) → #\($0.new)")], [.text(Self.signed($0.old - $0.new))]]
                })
        }
        sections.append(exposure)
        self.sections = sections
    }

    static func headline(_ c: BuildComparison) -> String {
        if c.isEmpty { return "No change: both builds computed the same results from the same facts and settings." }
        var parts = ["top \(c.k) changed for \(c.lists.count) of \(c.usersCompared) users",
                     "scores moved on an unchanged list for \(c.scoreMoves.count)"]
        if !c.usersAdded.isEmpty || !c.usersRemoved.isEmpty {
            parts.append("\(c.usersAdded.count) user\(c.usersAdded.count == 1 ? "" : "s") added, \(c.usersRemoved.count) removed")
        }
        if !c.itemsAdded.isEmpty || !c.itemsRemoved.isEmpty {
            parts.append("\(c.itemsAdded.count) item\(c.itemsAdded.count == 1 ? "" : "s") added, \(c.itemsRemoved.count) removed")
        }
        if !c.settings.isEmpty { parts.append("\(c.settings.count) setting\(c.settings.count == 1 ? "" : "s") changed") }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    static func arrow(_ old: Int, _ new: Int) -> String { old == new ? String(new) : "\(old) → \(new)" }
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0" }
    /// A relative move as a percentage; below 0.05% in scientific form, so a
    /// last-digit move (1e-16) does not read as "0.0%".
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "from 0" }
        guard fraction > 0, fraction < 0.0005 else { return NumberFormat.percent(fraction) }
        var exponent = Int((fraction * 100).exponentBase10)
        var mantissa = fraction * 100 / pow10(exponent)
        if NumberFormat.fixed(mantissa, 1) == "10.0" { exponent += 1; mantissa /= 10 }
        return NumberFormat.fixed(mantissa, 1) + "e" + String(exponent) + "%"
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }
}

private extension Double {
    /// ⌊log10(self)⌋ for a positive finite value, by repeated division (no libm dependence).
    var exponentBase10: Int {
        var value = self, exponent = 0
        while value < 1 { value *= 10; exponent -= 1 }
        while value >= 10 { value /= 10; exponent += 1 }
        return exponent
    }
}
