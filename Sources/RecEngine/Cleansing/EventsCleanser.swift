/// Applies SPEC §2's events.csv rules in order.
///
/// On several cores: the file is read in parts at once (`CSVReader.parts`),
/// each part applying every rule but the duplicate one to its rows; then
/// duplicates are found per user in parallel (two events of different users
/// are never duplicates), and one pass in file order keeps the events and
/// writes the report. Counts, examples and events are exactly those of
/// reading the file row by row, whatever the number of workers.
enum EventsCleanser {
    /// A row that passed every rule but the duplicate one.
    private struct Candidate {
        let key: EventKey
        let watchSeconds: Double
        let line: Int
        let raw: Range<Int>
    }

    /// One part's candidates and the report of its dropped rows.
    private struct PartResult {
        var candidates: [Candidate] = []
        var report: FileCleansing
    }

    static func cleanse(
        _ table: inout CSVTable, weights: EventWeights,
        userIndex: IDIndex, itemIndex: IDIndex, workers: Int = ProcessInfoCores.count
    ) throws -> (EventTable, FileCleansing) {
        let columns = try ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"].map(table.required)
        let rules = RowRules(table: table, columns: columns, weights: weights,
                                 userIndex: userIndex, itemIndex: itemIndex)
        let parts = table.reader.parts(workers)
        let results = parallelMap(count: parts.count, workers: workers, makeScratch: {}) { index, _ in
            var reader = parts[index]
            return rules.apply(&reader, file: table.fileName, expectedRows: table.byteCount / 40 / parts.count)
        }
        var report = FileCleansing(file: table.fileName)
        for result in results { report.absorb(result.report) }
        let duplicate = duplicates(results.map(\.candidates), users: userIndex.count, workers: workers)
        var events = EventTable()
        events.reserveCapacity(results.reduce(0) { $0 + $1.candidates.count })
        var position = 0
        let reader = table.reader
        for result in results {
            for candidate in result.candidates {
                defer { position += 1 }
                let raw = candidate.raw
                if duplicate[position] {
                    report.record(.duplicateEvent, line: candidate.line, raw: reader.rawText(of: raw))
                    continue
                }
                let key = candidate.key
                events.append(user: key.user, item: key.item, type: key.type, watchSeconds: candidate.watchSeconds,
                              seconds: key.time.seconds)
                table.noteInvalidUTF8(raw: raw, in: &report)
                report.kept += 1
            }
        }
        return (events, report)
    }

    /// Which candidates (numbered across parts in file order) repeat an
    /// earlier one. Users are split between the workers, and each worker
    /// goes through all candidates in file order, looking only at its users.
    private static func duplicates(_ parts: [[Candidate]], users: Int, workers: Int) -> [Bool] {
        let total = parts.reduce(0) { $0 + $1.count }
        var flags = [Bool](repeating: false, count: total)
        let groups = max(1, min(workers, 8))
        flags.withUnsafeMutableBufferPointer { flags in
            let shared = UncheckedBox(flags)
            _ = parallelMap(count: groups, workers: groups, makeScratch: {}) { group, _ in
                var seen = EventKeySet(capacity: total / groups + 16)
                var position = 0
                for part in parts {
                    for candidate in part {
                        if Int(candidate.key.user) % groups == group, !seen.insert(candidate.key) {
                            shared.value[position] = true
                        }
                        position += 1
                    }
                }
                return 0
            }
        }
        return flags
    }

    /// Every events.csv rule but the duplicate one, for one row at a time.
    private struct RowRules: @unchecked Sendable {
        let columns: [Int]
        let fieldCount: Int
        let typeIndex: [String: UInt8]
        let typeNames: EventTypeNames
        let userIndex: IDIndex, itemIndex: IDIndex
        /// Without invalid UTF-8 a field's bytes are its string's bytes, so IDs
        /// are looked up by bytes, without making a String per field.
        let byteLookup: Bool

        init(table: CSVTable, columns: [Int], weights: EventWeights, userIndex: IDIndex, itemIndex: IDIndex) {
            self.columns = columns
            fieldCount = table.fieldCount
            var typeIndex: [String: UInt8] = [:]
            for (index, name) in weights.types.enumerated() { typeIndex[name] = UInt8(index) }
            self.typeIndex = typeIndex
            typeNames = EventTypeNames(weights.types)
            (self.userIndex, self.itemIndex) = (userIndex, itemIndex)
            byteLookup = !table.hasInvalidUTF8
        }

        func apply(_ reader: inout CSVReader, file: String, expectedRows: Int) -> PartResult {
            let (userColumn, itemColumn, typeColumn, secondsColumn, timeColumn) =
                (columns[0], columns[1], columns[2], columns[3], columns[4])
            var result = PartResult(report: FileCleansing(file: file))
            result.candidates.reserveCapacity(expectedRows)
            var row = CSVRecord()
            while reader.next(into: &row) {
                result.report.rowsRead += 1
                let reason: CleansingReason
                check: do {
                    guard row.count == fieldCount, !row.unterminatedQuote else { reason = .malformedRow; break check }
                    guard !columns.contains(where: row.isEmpty) else { reason = .missingValue; break check }
                    guard let type = row.withTrimmedField(typeColumn, { typeNames.index(ofASCII: $0) })
                            ?? typeIndex[row.string(typeColumn).lowercased()] else {
                        reason = .unknownEventType; break check
                    }
                    guard let seconds = row.withTrimmedField(secondsColumn, DecimalNumber.parse), seconds >= 0 else {
                        reason = .invalidWatchSeconds; break check
                    }
                    guard let time = row.withTrimmedField(timeColumn, TimestampParser.parse) else {
                        reason = .invalidTimestamp; break check
                    }
                    guard let user = byteLookup ? row.withTrimmedField(userColumn, { userIndex[utf8: $0] })
                            : userIndex[row.string(userColumn)] else {
                        reason = .unknownUser; break check
                    }
                    guard let item = byteLookup ? row.withTrimmedField(itemColumn, { itemIndex[utf8: $0] })
                            : itemIndex[row.string(itemColumn)] else {
                        reason = .unknownItem; break check
                    }
                    result.candidates.append(Candidate(
                        key: EventKey(user: user, item: item, type: type, watchBits: seconds.bitPattern, time: time),
                        watchSeconds: seconds, line: row.line,
                        raw: row.rawStart..<row.rawEnd))
                    continue
                }
                result.report.record(reason, line: row.line, raw: reader.rawText(of: row))
            }
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

/// An event's identity for SPEC §2's duplicate rule: same user, item, type,
/// watch seconds (bit for bit, after parsing) and instant.
struct EventKey: Equatable {
    let user: Int32, item: Int32, type: UInt8
    let watchBits: UInt64
    let time: Timestamp
}

/// The event keys kept so far: an open-addressing hash table (linear
/// probing, at most half full) with a cheap integer mix instead of SipHash,
/// which showed up in profiles at a million events. Each slot holds the
/// key's index and 32 bits of its hash, so a new key (the usual case) is
/// placed without reading any stored key. The mix is seeded per process so
/// crafted input cannot force collisions; the seed changes only speed,
/// never which events are kept.
struct EventKeySet {
    /// 0 for empty; else hash bits << 32 | (index + 1).
    private var slots: [UInt64]
    private var keys: [EventKey] = []
    private let seed = UInt64.random(in: .min ... .max)

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        keys.reserveCapacity(capacity)
    }

    /// Adds `key`; false when it was already there.
    mutating func insert(_ key: EventKey) -> Bool {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let hash = hash(key)
        let tag = hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                keys.append(key)
                slots[slot] = tag << 32 | UInt64(keys.count)
                return true
            }
            if entry >> 32 == tag, keys[Int(entry & 0xFFFF_FFFF) - 1] == key { return false }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            let key = keys[Int(entry & 0xFFFF_FFFF) - 1]
            let hash = hash(key)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash >> 32) << 32 | (entry & 0xFFFF_FFFF)
        }
    }

    private func hash(_ key: EventKey) -> UInt64 {
        var h = Self.mix(seed ^ (UInt64(UInt32(bitPattern: key.user)) | UInt64(UInt32(bitPattern: key.item)) << 32))
        h = Self.mix(h ^ key.watchBits)
        h = Self.mix(h ^ UInt64(bitPattern: key.time.seconds) ^ UInt64(key.type) << 56)
        for byte in key.time.fraction.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Self.mix(h)
    }

    /// MurmurHash3's 64-bit finaliser.
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
