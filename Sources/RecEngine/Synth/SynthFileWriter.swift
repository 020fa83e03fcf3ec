/// Turns rows into the bytes of the three CSV files, dirty rows interleaved.
enum SynthFileWriter {
    static func users(_ rows: [UserRow], dirty: DirtyInsertions) -> [UInt8] {
        table(header: UserRow.header, rows: rows.map(\.fields), dirty: dirty)
    }

    static func items(_ rows: [ItemRow], dirty: DirtyInsertions) -> [UInt8] {
        table(header: ItemRow.header, rows: rows.map(\.fields), dirty: dirty)
    }

    private static func table(header: [String], rows: [[String]], dirty: DirtyInsertions) -> [UInt8] {
        var out = CSVByteWriter(capacity: 64 * (rows.count + dirty.count + 1))
        out.row(header)
        var interleave = InterleavedWriter(dirty)
        for (position, fields) in rows.enumerated() {
            interleave.flush(before: position, into: &out)
            out.row(fields)
        }
        interleave.flush(before: Int.max, into: &out)
        return out.bytes
    }

    /// What events.csv is written from.
    struct EventSources {
        let log: ViewingLog
        let story: [EventRow]
        let order: EventOrder
        let userIDs: EncodedFields
        let itemIDs: EncodedFields
        /// UTC offset (minutes) of each user, for the local timestamp forms.
        let zone: [Int]
        /// `EventDefects.Style` of each generated event, or empty.
        let style: [UInt8]
    }

    /// - Complexity: O(rows); about 55 bytes a row, appended without strings.
    static func events(_ source: EventSources, dirty: DirtyInsertions) -> [UInt8] {
        var out = CSVByteWriter(capacity: 56 * (source.order.rows.count + dirty.count + 1))
        out.row(EventRow.header)
        var interleave = InterleavedWriter(dirty)
        let names = EventKind.encodedNames
        let shouted = EventKind.allCases.map { Array($0.name.uppercased().utf8) }
        let capitalised = EventKind.allCases.map { Array(($0.name.prefix(1).uppercased() + $0.name.dropFirst()).utf8) }
        let log = source.log
        for (position, entry) in source.order.rows.enumerated() {
            interleave.flush(before: position, into: &out)
            guard entry >= 0 else {
                out.row(source.story[Int(-entry - 1)].fields)
                continue
            }
            let e = Int(entry)
            let u = Int(log.user[e])
            let style = source.style.isEmpty ? EventDefects.Style.none : EventDefects.Style(rawValue: source.style[e])!
            if style == .paddedIDs { out.byte(0x20) }
            out.raw(source.userIDs[u])
            if style == .paddedIDs { out.byte(0x20) }
            out.comma()
            out.raw(source.itemIDs[Int(log.item[e])])
            out.comma()
            let type = Int(log.type[e])
            if style == .mixedCaseType {
                out.raw(e % 2 == 0 ? shouted[type] : capitalised[type])
            } else {
                out.raw(names[type])
            }
            out.comma()
            if style == .paddedValues { out.byte(0x20) }
            out.tenths(Int(log.watchTenths[e]))
            out.comma()
            SynthTimestamp.write(log.time[e], form: TimestampForm(rawValue: log.form[e])!,
                                 zoneMinutes: source.zone[u], into: &out)
            if style == .paddedValues { out.byte(0x20); out.byte(0x20) }
            out.newline()
        }
        interleave.flush(before: Int.max, into: &out)
        return out.bytes
    }
}
