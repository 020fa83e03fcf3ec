import Foundation
import Testing

@Suite("recsite check")
struct CheckCommandTests {
    /// A small dirty set whose counts are known by construction.
    @Test func countsPerFileAndReasonWithExamples() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "user_id,name,age\nu1,A,30\nu1,B,31\n,C,1\nu2,D,abc\nu3,E\n".write(
            to: folder.appendingPathComponent("users.csv"), atomically: true, encoding: .utf8)
        try "item_id,title\ni1,\"Title, with comma\"\ni2,\n".write(
            to: folder.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try """
        user_id,item_id,event_type,watch_seconds,timestamp
        u1,i1,play,10,2025-01-01
        u1,i1,play,10.0,2025-01-01T07:00+07:00
        u9,i1,play,1,2025-01-01
        u1,i1,rewind,1,2025-01-01
        u1,i1,play,-1,2025-01-01

        u1,i2,play,1,2025-02-30
        """.write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let result = try RecsiteProcess.run(["check", "--data", folder.path])
        #expect(result.status == 0)
        let out = result.stdout
        #expect(TableRows.rows(in: out[...], withCell: "users.csv").first == ["users.csv", "5", "2", "3", "1"])
        #expect(TableRows.rows(in: out[...], withCell: "items.csv").first == ["items.csv", "2", "2", "0", "0"])
        #expect(TableRows.rows(in: out[...], withCell: "events.csv").first == ["events.csv", "6", "1", "5", "0"])
        #expect(out.contains("users.csv:3: u1,B,31"))
        #expect(out.contains("users.csv:6: u3,E"))
        #expect(out.contains("events.csv:3: u1,i1,play,10.0,2025-01-01T07:00+07:00"))
        #expect(out.contains("events.csv:8: u1,i2,play,1,2025-02-30"))
        #expect(TableRows.rows(in: out[...], withCell: "empty title → item_id").first?[1] == "1")
        #expect(out.hasSuffix("8 rows dropped in all.\n"))
    }
}
