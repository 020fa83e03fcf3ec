import RecEngine

/// The lines of a results folder's JSON Lines files, as read. A member a
/// line lacks, one it has twice or one it should not have makes it unreadable.
enum ResultLines {
    /// A line of `lists.jsonl`.
    struct List: ResultLine {
        let userID: String
        let items: [Entry]

        init(scanning scanner: inout JSONLineScanner) throws {
            (userID, items) = try ResultLines.keyedList(&scanner, idKey: "user_id", listKey: "items") { scanner in
                var entries: [Entry] = []
                try scanner.array { entries.append(try Entry(scanning: &$0)) }
                return entries
            }
        }
    }

    /// One listed item: cf entries carry a score and contributors, popular fill neither.
    struct Entry: Sendable {
        let itemID: String
        let source: String
        let score: Double?
        let contributors: [SimilarItem]?

        init(scanning scanner: inout JSONLineScanner) throws {
            var itemID: String?, source: String?, score: Double?, contributors: [SimilarItem]?
            try scanner.object { scanner, key in
                switch key {
                case "item_id" where itemID == nil: itemID = try scanner.string()
                case "source" where source == nil: source = try scanner.string()
                case "score" where score == nil: score = try scanner.number()
                case "contributors" where contributors == nil: contributors = try SimilarItem.list(&scanner)
                default: throw JSONLineScanner.Malformed()
                }
            }
            guard let itemID, let source else { throw JSONLineScanner.Malformed() }
            (self.itemID, self.source, self.score, self.contributors) = (itemID, source, score, contributors)
        }
    }

    /// A line of `neighbours.jsonl`.
    struct Neighbours: ResultLine {
        let itemID: String
        let neighbours: [SimilarItem]

        init(scanning scanner: inout JSONLineScanner) throws {
            (itemID, neighbours) = try ResultLines.keyedList(&scanner, idKey: "item_id", listKey: "neighbours",
                                                             list: SimilarItem.list)
        }
    }

    /// An object of exactly two members: the ID `idKey` and the list
    /// `listKey`, read by `list`.
    static func keyedList<Element>(_ scanner: inout JSONLineScanner, idKey: String, listKey: String,
                                   list: (inout JSONLineScanner) throws -> [Element]) throws -> (String, [Element]) {
        var id: String?, elements: [Element]?
        try scanner.object { scanner, key in
            switch key {
            case idKey where id == nil: id = try scanner.string()
            case listKey where elements == nil: elements = try list(&scanner)
            default: throw JSONLineScanner.Malformed()
            }
        }
        guard let id, let elements else { throw JSONLineScanner.Malformed() }
        return (id, elements)
    }

    /// `[item_id, similarity]`: a contributor of a score, or a neighbour.
    struct SimilarItem: Sendable {
        let itemID: String
        let similarity: Double

        /// An array of pairs.
        static func list(_ scanner: inout JSONLineScanner) throws -> [SimilarItem] {
            var pairs: [SimilarItem] = []
            try scanner.array { scanner in
                var itemID: String?, similarity: Double?
                try scanner.array { scanner in
                    if itemID == nil { itemID = try scanner.string() }
                    else if similarity == nil { similarity = try scanner.number() }
                    else { throw JSONLineScanner.Malformed() }
                }
                guard let itemID, let similarity else { throw JSONLineScanner.Malformed() }
                pairs.append(SimilarItem(itemID: itemID, similarity: similarity))
            }
            return pairs
        }
    }

    /// `bytes`, one whole line, read as `Line`: nothing may follow its value.
    static func line<Line: ResultLine>(_ bytes: ArraySlice<UInt8>, as _: Line.Type) throws -> Line {
        var scanner = JSONLineScanner(bytes)
        let value = try Line(scanning: &scanner)
        try scanner.end()
        return value
    }

    /// Every non-empty line of the file in `directory`, read on `workers`
    /// threads, with its line number (from 1).
    /// - Throws: `RecSiteError.invalidResults` naming the file and the first bad line.
    static func read<Line: ResultLine>(_ name: String, in directory: String, as _: Line.Type,
                                       workers: Int) throws -> [(line: Int, value: Line)] {
        let path = OutputFile.join(directory, name)
        let bytes: [UInt8]
        do { bytes = try FileBytes.input(path) } catch {
            throw RecSiteError.invalidResults(path: path, reason: "cannot read the file (\(error))")
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.isEmpty }.map { (line: $0.offset + 1, bytes: $0.element) }
        let read = parallelMap(count: lines.count, workers: workers, makeScratch: {}) { n, _ in
            try? line(lines[n].bytes, as: Line.self)
        }
        return try zip(lines, read).map { line, value in
            guard let value else {
                throw RecSiteError.invalidResults(path: "\(path):\(line.line)", reason: "not a line of a recsite results file")
            }
            return (line.line, value)
        }
    }
}
