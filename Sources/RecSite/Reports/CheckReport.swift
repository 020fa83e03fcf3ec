import RecEngine

/// The cleansing report printed by `recsite check`.
public enum CheckReport {
    public static func render(_ report: CleansingReport) -> String {
        var out = "Cleansing report\n\n"
        var table = TextTable([("File", .left), ("Rows", .right), ("Kept", .right), ("Dropped", .right), ("Flagged", .right)])
        for file in report.files {
            table.add([file.file, String(file.rowsRead), String(file.kept), String(file.dropped),
                       String(file.counts[.invalidAge] ?? 0)])
        }
        out += table.render() + "\n"
        for file in report.files where !file.counts.isEmpty || !file.repairs.isEmpty {
            out += "\n\(file.file)\n"
            var reasons = TextTable([("Reason", .left), ("Rows", .right), ("Effect", .left)])
            for (reason, count) in file.reasons {
                reasons.add([reason.rawValue, String(count), reason.drops ? "dropped" : "kept, age unknown"])
            }
            for (repair, count) in file.repairs.sorted(by: { codePointLess($0.key, $1.key) }) {
                reasons.add([repair, String(count), "kept, repaired"])
            }
            out += reasons.render() + "\n"
            for (reason, _) in file.reasons {
                out += "  examples of \(reason.rawValue):\n"
                for row in file.examples[reason] ?? [] {
                    let place = file.unit == .line ? "\(row.file):\(row.line)" : "\(row.file) (row \(row.line))"
                    out += "    \(place): \(TextTable.singleLine(row.raw))\n"
                }
            }
        }
        let dropped = report.totalDropped
        out += "\n" + (dropped == 0 ? "No rows dropped." : "\(dropped) row\(dropped == 1 ? "" : "s") dropped in all.") + "\n"
        return out
    }
}
