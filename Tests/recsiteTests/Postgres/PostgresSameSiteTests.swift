import Foundation
import RecPostgres
import Testing

/// `recsite build --data postgresql://…` makes the site `--data DIR` makes
/// from the same rows, byte for byte, except where the source's name must
/// differ: the data-quality page and `api/build.json` name the tables
/// (`events query`) where the CSV build names files (`events.csv`), and
/// count rows where it counts lines.
@Suite("PostgreSQL input equals CSV input", .enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresSameSiteTests {
    static let differing: Set<String> = ["api/build.json", "data-quality.md", "data-quality.html"]

    @Test("the same site from the same rows", arguments: ["data", "dirty"])
    func sameSite(set: String) async throws {
        let work = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var original = RecsiteProcess.repositoryRoot.appendingPathComponent("data").path
        if set == "dirty" {
            original = work.appendingPathComponent("dirty").path
            let synth = try RecsiteProcess.run(["synth", "--users", "80", "--items", "40", "--events", "4000",
                                                "--seed", "11", "--dirty", "--out", original])
            #expect(synth.status == 0, "\(synth.stderr)")
        }
        let fixture = try SameRowsFixture(folder: original)
        let csvFolder = work.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: csvFolder, withIntermediateDirectories: true)
        try fixture.writeCSV(to: csvFolder)
        let schema = try await PostgresTestServer.schema(set)
        let url = try await fixture.load(into: schema)

        let csvSite = work.appendingPathComponent("site-csv"), databaseSite = work.appendingPathComponent("site-pg")
        for (data, out) in [(csvFolder.path, csvSite), (url, databaseSite)] {
            let built = try RecsiteProcess.run(["build", "--data", data, "--out", out.path, "--quiet"])
            try #require(built.status == 0, "\(built.stderr)")
        }
        let csvFiles = try Self.files(in: csvSite), databaseFiles = try Self.files(in: databaseSite)
        #expect(csvFiles.keys.sorted() == databaseFiles.keys.sorted())
        let differing = Set(csvFiles.keys.filter { csvFiles[$0] != databaseFiles[$0] })
        #expect(differing == Self.differing)
        // What differs is exactly the names, the unit and the sentence about them.
        for path in Self.differing {
            let csv = String(decoding: csvFiles[path] ?? Data(), as: UTF8.self)
            let database = String(decoding: databaseFiles[path] ?? Data(), as: UTF8.self)
            #expect(Self.asDatabase(csv, fixture: fixture) == database, "\(path)")
        }
        // No password, host or port in any generated file.
        let target = try PostgresURL(PostgresTestServer.url!)
        for (path, data) in databaseFiles {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(target.password!) && !text.contains("\(target.host):\(target.port)"), "\(path)")
        }
        try await schema.drop()
    }

    /// A CSV build's text as the database build writes it: table names for
    /// file names, `row R` for `line L`, the sentence on rows for the one on lines.
    static func asDatabase(_ text: String, fixture: SameRowsFixture) -> String {
        var text = text
        for table in ["users", "items", "events"] {
            text = text.replacingOccurrences(of: "\(table).csv", with: "\(table) query")
                .replacingOccurrences(of: "\"\(table)csv", with: "\"\(table)-query")  // heading anchors
                .replacingOccurrences(of: "#\(table)csv", with: "#\(table)-query")
        }
        text = text.replacingOccurrences(
            of: "Line numbers count physical lines from 1 (the header is line 1). At most 5 examples are kept per reason; "
                + "raw rows are shown exactly as they stood in the file, with a line break inside a quoted field as ⏎.",
            with: "Rows of a database table are numbered from 1 in the order they were read, and shown as their fields "
                + "joined by commas (quoted as in CSV; NULL as empty). At most 5 examples are kept per reason.")
        // Example lines: the table is the one of the heading above them.
        var table = "", out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let name = ["users", "items", "events"].first(where: { line.contains("\($0) query: ") }) { table = name }
            var line = line
            for prefix in ["- line ", "<li>line "] where line.hasPrefix(prefix) {
                let digits = line.dropFirst(prefix.count).prefix(while: \.isNumber)
                let row = fixture.row(atLine: Int(digits)!, in: table)
                line = Substring(prefix.replacingOccurrences(of: "line", with: "row") + String(row)
                                 + line.dropFirst(prefix.count + digits.count))
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
