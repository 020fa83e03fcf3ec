/// Applies SPEC §2's events.csv rules in order.
enum EventsCleanser {
    /// The five values compared for `duplicate event`, after parsing.
    private struct EventKey: Hashable {
        let user: Int32, item: Int32, type: UInt8
        let watchBits: UInt64
        let time: Timestamp
    }

    static func cleanse(
        _ table: inout CSVTable, weights: EventWeights,
        userIndex: IDIndex, itemIndex: IDIndex
    ) throws -> (EventTable, FileCleansing) {
        let columns = try ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"].map(table.required)
        let (userColumn, itemColumn, typeColumn, secondsColumn, timeColumn) =
            (columns[0], columns[1], columns[2], columns[3], columns[4])
        var typeIndex: [String: UInt8] = [:]
        for (index, name) in weights.types.enumerated() { typeIndex[name] = UInt8(index) }
        var report = FileCleansing(file: table.fileName)
        var events = EventTable()
        var seen = Set<EventKey>()
        // Rows are ~40 bytes; reserving up front avoids rehashing a million keys.
        seen.reserveCapacity(table.byteCount / 40)
        var row = CSVRecord()
        while table.reader.next(into: &row) {
            report.rowsRead += 1
            guard row.count == table.fieldCount, !row.unterminatedQuote else {
                report.record(.malformedRow, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            guard !columns.contains(where: row.isEmpty) else {
                report.record(.missingValue, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            guard let type = typeIndex[row.string(typeColumn).lowercased()] else {
                report.record(.unknownEventType, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            guard let seconds = row.withTrimmedField(secondsColumn, DecimalNumber.parse), seconds >= 0 else {
                report.record(.invalidWatchSeconds, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            guard let time = row.withTrimmedField(timeColumn, TimestampParser.parse) else {
                report.record(.invalidTimestamp, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            guard let user = userIndex[row.string(userColumn)] else {
                report.record(.unknownUser, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            guard let item = itemIndex[row.string(itemColumn)] else {
                report.record(.unknownItem, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            let key = EventKey(user: user, item: item, type: type, watchBits: seconds.bitPattern, time: time)
            guard seen.insert(key).inserted else {
                report.record(.duplicateEvent, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            events.append(user: user, item: item, type: type, watchSeconds: seconds, seconds: time.seconds)
            table.noteInvalidUTF8(row, in: &report)
            report.kept += 1
        }
        return (events, report)
    }
}
