/// Applies SPEC §2's events.csv rules in order, to rows from any `RowSource`.
///
/// On several cores: the source is read in parts at once (`RowSource.parts`),
/// each part applying every rule but the duplicate one to its rows and
/// hashing each row's key; then duplicates are found by hash bucket in
/// parallel (`DuplicateEvents`), each part writes its kept events into its
/// stretch of the table at once, and one pass in file order reports the
/// duplicates and repairs, shifting each part's line numbers by the lines
/// of the parts before it. Should a part end inside a row (a quoted field spanning
/// a cut), the source is read again as one part. Counts, examples and
/// events are exactly those of reading the source row by row, whatever the
/// number of workers.
enum EventsCleanser {
    /// A row that passed every rule but the duplicate one (its watch seconds
    /// are the key's `watchBits`).
    private struct Candidate {
        let key: EventKey
        let location: RowLocation
    }

    /// One part's candidates, their keys' hashes and the report of its dropped
    /// rows, with the part's own line numbers.
    private struct PartResult {
        var candidates: [Candidate] = []
        var hashes: [UInt64] = []
        /// The candidates whose rows are not valid UTF-8, ascending (rare: a
        /// list rather than a flag in every candidate, which would add 8
        /// bytes to each of L's 10⁷).
        var invalidUTF8: [Int] = []
        var report: FileCleansing
        /// The part's `nextLine` and `endedInsideRow` once read to its end.
        var nextLine = 1
        var endedInsideRow = false
    }

    static func cleanse<Source: RowSource>(
        _ source: Source, weights: EventWeights,
        userIndex: IDIndex, itemIndex: IDIndex, workers: Int = ProcessInfoCores.count
    ) throws -> (EventTable, FileCleansing) {
        let columns = try ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"].map(source.required)
        let rules = RowRules(columns: columns, fieldCount: source.columns.count, weights: weights,
                             userIndex: userIndex, itemIndex: itemIndex, longFractions: LongFractions())
        let parts = source.parts(workers)
        var results = parallelMap(count: parts.count, workers: workers, makeScratch: {}) { index, _ in
            var part = parts[index]
            return rules.apply(&part, expectedRows: source.estimatedRowCount / parts.count)
        }
        if results.dropLast().contains(where: \.endedInsideRow) {
            var whole = source
            results = [rules.apply(&whole, expectedRows: source.estimatedRowCount)]
        }
        source.releaseReadRows()  // only the text of reported rows is read again
        // Part k's lines become the source's by adding the lines of parts 0..<k.
        let lineOffsets = results.dropLast().reduce(into: [0]) { $0.append($0.last! + $1.nextLine - 1) }
        var report = FileCleansing(file: source.name, unit: source.locationUnit)
        for (result, offset) in zip(results, lineOffsets) { report.absorb(result.report, lineOffset: offset) }
        // Candidates are numbered across parts in file order; part k's start here.
        let partStarts = results.reduce(into: [0]) { $0.append($0.last! + $1.candidates.count) }
        let duplicate = duplicates(results, partStarts: partStarts, workers: workers)
        let events = keptEvents(results, partStarts: partStarts, duplicate: duplicate, workers: workers)
        // Duplicates and repairs are reported in file order; both are rare.
        var position = 0
        for (result, offset) in zip(results, lineOffsets) {
            var invalid = result.invalidUTF8.makeIterator(), nextInvalid = invalid.next()
            for index in result.candidates.indices {
                defer { position += 1 }
                let isValidUTF8 = index != nextInvalid
                if !isValidUTF8 { nextInvalid = invalid.next() }
                if duplicate[position] {
                    let location = result.candidates[index].location
                    report.record(.duplicateEvent, line: location.line + offset, raw: source.text(at: location))
                } else if !isValidUTF8 {
                    report.repair(FileCleansing.invalidUTF8Repair)
                }
            }
        }
        report.kept += events.count
        return (events, report)
    }

    /// The candidates that repeat no earlier one, in file order: each part
    /// writes its own stretch of the table at once.
    private static func keptEvents(_ parts: [PartResult], partStarts: [Int], duplicate: [Bool],
                                   workers: Int) -> EventTable {
        var keptStarts = [0]
        for part in parts.indices {
            let kept = duplicate[partStarts[part]..<partStarts[part + 1]].lazy.filter { !$0 }.count
            keptStarts.append(keptStarts.last! + kept)
        }
        return EventTable.filled(count: keptStarts.last!) { columns in
            _ = parallelMap(count: parts.count, workers: workers, makeScratch: {}) { part, _ in
                var row = keptStarts[part], position = partStarts[part]
                for candidate in parts[part].candidates {
                    defer { position += 1 }
                    if duplicate[position] { continue }
                    let key = candidate.key
                    columns.write(row, user: key.user, item: key.item, type: key.type,
                                  watchSeconds: Double(bitPattern: key.watchBits), seconds: key.seconds)
                    row += 1
                }
                return 0
            }
        }
    }

    /// Which candidates (numbered across parts in file order) repeat an earlier one.
    private static func duplicates(_ parts: [PartResult], partStarts: [Int], workers: Int) -> [Bool] {
        DuplicateEvents.flags(hashParts: parts.map(\.hashes), workers: workers) { number in
            let part = partStarts.lastIndex { $0 <= number }!
            return parts[part].candidates[number - partStarts[part]].key
        }
    }

    /// Every events.csv rule but the duplicate one, for one row at a time.
    private struct RowRules: @unchecked Sendable {
        let userColumn: Int, itemColumn: Int, typeColumn: Int, secondsColumn: Int, timeColumn: Int
        let fieldCount: Int
        let typeIndex: [String: UInt8]
        let typeNames: EventTypeNames
        let userIndex: IDIndex, itemIndex: IDIndex
        let longFractions: LongFractions

        init(columns: [Int], fieldCount: Int, weights: EventWeights, userIndex: IDIndex, itemIndex: IDIndex,
             longFractions: LongFractions) {
            (userColumn, itemColumn, typeColumn, secondsColumn, timeColumn) =
                (columns[0], columns[1], columns[2], columns[3], columns[4])
            self.fieldCount = fieldCount
            var typeIndex: [String: UInt8] = [:]
            for (index, name) in weights.types.enumerated() { typeIndex[name] = UInt8(index) }
            self.typeIndex = typeIndex
            typeNames = EventTypeNames(weights.types)
            (self.userIndex, self.itemIndex, self.longFractions) = (userIndex, itemIndex, longFractions)
        }

        private enum Checked {
            case kept(EventKey)
            case dropped(CleansingReason)
        }

        /// The rules in SPEC order on a row of the right width. In a valid
        /// UTF-8 row a field's bytes are its string's bytes, so IDs are looked
        /// up by bytes, without making a String per field.
        private func check(_ field: RowFields, byteLookup: Bool) -> Checked {
            // Each field trimmed once (a `RowFields` subscript trims).
            let userField = field[userColumn], itemField = field[itemColumn], typeField = field[typeColumn]
            let secondsField = field[secondsColumn], timeField = field[timeColumn]
            if userField.isEmpty || itemField.isEmpty || typeField.isEmpty || secondsField.isEmpty
                || timeField.isEmpty {
                return .dropped(.missingValue)
            }
            guard let type = typeNames.index(ofASCII: typeField)
                    ?? typeIndex[FieldTrimming.string(typeField).lowercased()] else {
                return .dropped(.unknownEventType)
            }
            guard let seconds = DecimalNumber.parse(secondsField), seconds >= 0,
                  seconds <= ValueLimits.maxWatchSeconds else {
                return .dropped(.invalidWatchSeconds)
            }
            guard let time = TimestampParser.instant(timeField) else { return .dropped(.invalidTimestamp) }
            guard let user = byteLookup ? userIndex[utf8: userField] : userIndex[FieldTrimming.string(userField)] else {
                return .dropped(.unknownUser)
            }
            guard let item = byteLookup ? itemIndex[utf8: itemField] : itemIndex[FieldTrimming.string(itemField)] else {
                return .dropped(.unknownItem)
            }
            return .kept(EventKey(user: user, item: item, type: type, watchBits: seconds.bitPattern,
                                  seconds: time.seconds, fraction: time.fraction, long: longFractions))
        }

        func apply<Source: RowSource>(_ source: inout Source, expectedRows: Int) -> PartResult {
            var result = PartResult(report: FileCleansing(file: source.name, unit: source.locationUnit))
            result.candidates.reserveCapacity(expectedRows)
            result.hashes.reserveCapacity(expectedRows)
            var row = Source.Row()
            let rowTexts = source  // for examples, while `source` is being read
            source.forEachRow(into: &row) { row in
                result.report.rowsRead += 1
                let valid = row.isValidUTF8
                let checked = row.count == fieldCount && row.isWhole
                    ? row.withFields { check($0, byteLookup: valid) } : .dropped(.malformedRow)
                switch checked {
                case .kept(let key):
                    if !valid { result.invalidUTF8.append(result.candidates.count) }
                    result.candidates.append(Candidate(key: key, location: row.location))
                    result.hashes.append(key.hash)
                case .dropped(let reason):
                    result.report.record(reason, line: row.location.line, raw: rowTexts.text(at: row.location))
                }
            }
            (result.nextLine, result.endedInsideRow) = (source.nextLine, source.endedInsideRow)
            return result
        }
    }
}

/// Event type names matched on a field's bytes when the field is ASCII:
/// ASCII letters lowercased, compared with the weight table's names. A
/// non-ASCII field returns nil and is matched as `String.lowercased()` does
/// (the Kelvin sign K lowercases to an ASCII k).
struct EventTypeNames {
    private let names: [[UInt8]]

    init(_ types: [String]) { names = types.map { Array($0.utf8) } }

    func index(ofASCII field: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard field.allSatisfy({ $0 < 0x80 }) else { return nil }
        for (index, name) in names.enumerated() where name.count == field.count {
            var equal = true
            for (a, b) in zip(name, field) where a != (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) {
                equal = false
                break
            }
            if equal { return UInt8(index) }
        }
        return nil
    }
}
