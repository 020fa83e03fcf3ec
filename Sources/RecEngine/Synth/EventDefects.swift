/// `--dirty` for events.csv: extra rows breaking each SPEC §2 rule several
/// times, and a few kept rows with mixed case and padding that cleansing
/// normalises. Every extra row is dropped, so the kept count stays `--events`.
struct EventDefects {
    /// Kept-row styling of generated event e (`style[e]`): 0 none.
    enum Style: UInt8 { case none, mixedCaseType, paddedIDs, paddedValues }

    private enum Kind: CaseIterable {
        case tooFewFields, extraField, strayDecimalComma, spacesOnly                // malformed row
        case emptyUser, emptyItem, emptyType, emptyWatch, emptyTimestamp, blankType // missing value
        case rewind, seek, download                                                 // unknown event type
        case negativeWatch, wordWatch, infWatch, nanWatch, quotedDecimalComma, hexWatch, overflowWatch
        case impossibleDate, month13, yesterday, hour25, zoneWithoutTime, lowerCaseT, slashDate,
             dayFirst, minute60, compactOffset, epochSeconds                        // invalid timestamp
        case unknownUser, unknownUserCase, unknownItem
        case exactDuplicate, decimalDuplicate, zoneDuplicate, fractionDuplicate, caseDuplicate
    }

    let log: ViewingLog
    let users: [UserRow]
    let items: [ItemRow]
    let zone: [Int]
    /// Where generated event e stands among all written clean rows.
    let position: (Int) -> Int
    /// Clean rows written (generated and story).
    let rowCount: Int

    /// The extra rows, and the kept-row styles (empty when there is no event).
    /// - Complexity: O(rows × log rows) for the quota of rows.
    func make(random: inout SeededRandom) -> (rows: DirtyInsertions, style: [UInt8]) {
        var extra = DirtyInsertions()
        guard log.count > 0 else { return (extra, []) }
        var userIDs = Set(users.map { IDKey($0.id) })
        var itemIDs = Set(items.map { IDKey($0.id) })
        let kinds = Kind.allCases
        for j in 0..<DirtyInsertions.quota(rows: rowCount, kinds: kinds.count) {
            let kind = kinds[j % kinds.count]
            var e = random.below(log.count)
            if kind == .fractionDuplicate {
                // Prefer an event whose timestamp has a fraction to pad.
                for _ in 0..<20 where log.time[e] % 1000 == 0 { e = random.below(log.count) }
            }
            var row = base(e)
            var at = random.int(in: 0...rowCount)
            switch kind {
            case .tooFewFields: extra.add(at: at, fields: Array(row.fields.prefix(4))); continue
            case .extraField: extra.add(at: at, fields: row.fields + ["android"]); continue
            case .spacesOnly: extra.add(at: at, line: "   "); continue  // a row of one blank field
            case .strayDecimalComma:
                extra.add(at: at, line: "\(row.user),\(row.item),\(row.type),\(random.int(in: 1...900)),5,\(row.timestamp)")
                continue
            case .emptyUser: row.user = ""
            case .emptyItem: row.item = ""
            case .emptyType: row.type = ""
            case .emptyWatch: row.watchSeconds = ""
            case .emptyTimestamp: row.timestamp = ""
            case .blankType: row.type = "   "
            case .rewind: row.type = "rewind"
            case .seek: row.type = "seek"
            case .download: row.type = "download"
            case .negativeWatch: row.watchSeconds = "-\(random.int(in: 1...60))"
            case .wordWatch: row.watchSeconds = random.pick(["abc", "n/a", "12s", "null"])
            case .infWatch: row.watchSeconds = random.pick(["inf", "Infinity", "-inf"])
            case .nanWatch: row.watchSeconds = random.pick(["NaN", "nan"])
            case .quotedDecimalComma: row.watchSeconds = "\(random.int(in: 1...900)),5"
            case .hexWatch: row.watchSeconds = "0x1A"
            case .overflowWatch: row.watchSeconds = "1e999"
            default: break
            }
            let day = String(SynthTimestamp.text(log.time[e], form: .utc, zoneMinutes: 0).prefix(10))
            let hh = random.int(in: 10...23), mm = random.int(in: 10...59)
            switch kind {
            case .impossibleDate: row.timestamp = "2025-02-\(random.int(in: 29...31))T\(hh):\(mm):00Z"
            case .month13: row.timestamp = "2025-13-\(random.int(in: 10...28)) \(hh):\(mm):00+07:00"
            case .yesterday: row.timestamp = random.pick(["yesterday", "kemarin", "N/A"])
            case .hour25: row.timestamp = "\(day)T\(random.int(in: 24...25)):\(mm)"
            case .zoneWithoutTime: row.timestamp = day + random.pick(["Z", "+07:00"])
            case .lowerCaseT: row.timestamp = SynthTimestamp.text(log.time[e], form: .utc, zoneMinutes: 0).lowercased()
            case .slashDate: row.timestamp = day.replacingSlashes() + " \(hh):\(mm):00"
            case .dayFirst: row.timestamp = "\(day.suffix(2))-\(day.dropFirst(5).prefix(2))-2025 \(hh):\(mm)"
            case .minute60: row.timestamp = "\(day)T\(hh):60:00Z"
            case .compactOffset: row.timestamp = "\(day)T\(hh):\(mm):00+0700"
            case .epochSeconds: row.timestamp = String(log.time[e] / 1000)
            case .unknownUser: row.user = Self.fresh("u", from: users.count + 1 + j, avoiding: &userIDs)
            case .unknownUserCase:
                let upper = row.user.uppercased()
                row.user = userIDs.contains(IDKey(upper)) ? Self.fresh("u", from: users.count + 1 + j, avoiding: &userIDs) : upper
            case .unknownItem: row.item = Self.fresh("i", from: items.count + 1 + j, avoiding: &itemIDs)
            case .exactDuplicate, .decimalDuplicate, .zoneDuplicate, .fractionDuplicate, .caseDuplicate:
                row = duplicate(of: e, kind: kind, row)
                at = UserDefects.after(position(e), count: rowCount, &random)
            default: break
            }
            extra.add(at: at, fields: row.fields)
        }
        return (extra, styles(&random))
    }

    /// The fields of generated event e as the clean file spells them.
    private func base(_ e: Int) -> EventRow {
        EventRow(
            user: users[Int(log.user[e])].id, item: items[Int(log.item[e])].id,
            type: EventKind(rawValue: log.type[e])!.name, watchSeconds: Self.tenths(Int(log.watchTenths[e])),
            timestamp: SynthTimestamp.text(log.time[e], form: form(e), zoneMinutes: zone[Int(log.user[e])]))
    }

    private func form(_ e: Int) -> TimestampForm { TimestampForm(rawValue: log.form[e])! }

    /// The same five values spelled differently (SPEC §2 compares parsed values).
    private func duplicate(of e: Int, kind: Kind, _ row: EventRow) -> EventRow {
        var row = row
        let tenths = Int(log.watchTenths[e])
        let userZone = zone[Int(log.user[e])]
        switch kind {
        case .decimalDuplicate:
            row.watchSeconds = tenths % 10 == 0 ? "\(tenths / 10).0" : Self.tenths(tenths) + "0"
        case .zoneDuplicate:
            let local = form(e) == .localSpace || form(e) == .localT
            row.timestamp = SynthTimestamp.text(log.time[e], form: local ? .utc : .localT, zoneMinutes: userZone)
        case .fractionDuplicate where log.time[e] % 1000 != 0:
            row.timestamp = SynthTimestamp.text(log.time[e], form: form(e), zoneMinutes: userZone, paddedFraction: 6)
        case .fractionDuplicate:
            row.watchSeconds = Self.tenths(tenths) + "e0"
        case .caseDuplicate:
            row.type = row.type.prefix(1).uppercased() + row.type.dropFirst()
            row.user = " \(row.user) "
        default: break
        }
        return row
    }

    /// A few kept rows get mixed case or padding; only generated events, so
    /// story rows stay exactly as written.
    private func styles(_ random: inout SeededRandom) -> [UInt8] {
        var style = [UInt8](repeating: Style.none.rawValue, count: log.count)
        for n in 0..<max(3, log.count / 200) {
            style[random.below(log.count)] = [Style.mixedCaseType, .paddedIDs, .paddedValues][n % 3].rawValue
        }
        return style
    }

    static func tenths(_ value: Int) -> String {
        value % 10 == 0 ? "\(value / 10)" : "\(value / 10).\(value % 10)"
    }

    /// `prefix` + a number not yet used as an ID (and then reserved).
    private static func fresh(_ prefix: String, from start: Int, avoiding used: inout Set<IDKey>) -> String {
        var n = start
        while used.contains(IDKey("\(prefix)\(n)")) { n += 1 }
        used.insert(IDKey("\(prefix)\(n)"))
        return "\(prefix)\(n)"
    }
}

private extension String {
    func replacingSlashes() -> String { String(map { $0 == "-" ? "/" : $0 }) }
}
