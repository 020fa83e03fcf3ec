import Foundation
import Testing
@testable import RecEngine

/// `FileBytes.contents`: the same bytes as reading the file, mapped where
/// the system allows, and the input checks of `FileBytes.input`.
@Suite("File contents")
struct FileContentsTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("recsite-contents-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a file's contents are its bytes, mapped, and read as CSV as its bytes are")
    func mappedBytes() throws {
        // A byte order mark, CRLF, a quoted line break, invalid UTF-8 and 3 pages of rows.
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n\"x\ny\",\u{e9}\n".utf8) + [0xFF, 0x2C, 0x31, 0x0A]
        for n in 0..<1_000 { bytes += Array("row\(n),\(n * 7)\n".utf8) }
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let contents = try FileBytes.contents(path)
        #expect(contents.bytes == bytes)
        #expect(contents.count == bytes.count)
        #if os(Linux)
        #expect(contents.isMapped)
        #endif
        #expect(contents.text(3..<6) == "a,b")
        var fromFile = try CSVRowSource(path: path, contents: contents)
        var fromBytes = try CSVRowSource(path: path, bytes: bytes)
        #expect(fromFile.columns == ["a", "b"])
        var a = CSVRecord(), b = CSVRecord(), rows = 0
        while fromFile.next(into: &a) {
            let alsoThere = fromBytes.next(into: &b)
            #expect(alsoThere)
            #expect((0..<a.count).map { a.string($0) } == (0..<b.count).map { b.string($0) })
            #expect(a.line == b.line && a.isValidUTF8 == b.isValidUTF8)
            #expect(fromFile.text(at: a.location) == fromBytes.text(at: b.location))
            rows += 1
        }
        let extra = fromBytes.next(into: &b)
        #expect(!extra)
        #expect(rows == 1_002)
    }

    @Test("an empty file is read, not mapped; bytes in memory are held as given")
    func emptyFileAndCopies() throws {
        let path = try Self.temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let empty = try FileBytes.contents(path)
        #expect(empty.count == 0 && !empty.isMapped && empty.bytes.isEmpty)
        let held = FileContents([0x61, 0xFF, 0x62])
        #expect(!held.isMapped && held.bytes == [0x61, 0xFF, 0x62])
        #expect(held.text(0..<3) == "a\u{FFFD}b")
        #expect(FileContents([]).bytes.isEmpty)
    }

    @Test("contents refuse what input refuses: a missing file, a folder, a file over the limit")
    func refusals() throws {
        #expect(throws: FileBytes.Failure.missing) { try FileBytes.contents("/nonexistent/recsite/events.csv") }
        #expect(throws: FileBytes.Failure.notRegular(kind: "a folder")) { try FileBytes.contents("/tmp") }
        let path = try Self.temporaryFile(Array(repeating: 0x41, count: 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FileBytes.Failure.tooLarge(size: 100, limit: 99)) { try FileBytes.contents(path, limit: 99) }
        #expect(try FileBytes.contents(path, limit: 100).count == 100)
    }

    @Test("a folder's files are mapped unless the reader asks for them read (the server)")
    func folderMapping() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = ["users.csv": "user_id\nu1\n", "items.csv": "item_id\ni1\n",
                     "events.csv": "user_id,item_id,event_type,watch_seconds,timestamp\nu1,i1,play,10,2025-01-01\n"]
        for (name, text) in texts { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let mapped = try DatasetLoader.readFiles(directory: folder.path)
        let read = try DatasetLoader.readFiles(directory: folder.path, mapsFiles: false)
        for (a, b) in [(mapped.users, read.users), (mapped.items, read.items), (mapped.events, read.events)] {
            #expect(a.contents.bytes == b.contents.bytes && a.path == b.path)
            #if os(Linux)
            #expect(a.contents.isMapped)
            #endif
            #expect(!b.contents.isMapped)
        }
        #expect(String(decoding: read.events.contents.bytes, as: UTF8.self) == texts["events.csv"])
    }

    @Test("pages given back are read again: the same bytes, and duplicates reported with their text")
    func releasedPages() throws {
        // Large enough to be read in parts on two cores; every 97th row repeats an earlier one.
        var events = "user_id,item_id,event_type,watch_seconds,timestamp\n"
        for n in 0..<40_000 {
            let row = n % 97 == 96 ? n - 50 : n
            let time = String(format: "%02d:%02d:%02d", row / 3600, row / 60 % 60, row % 60)
            events += "u\(row % 30),i\(row % 20),play,\(row % 500),2025-01-01T\(time)Z\n"
        }
        let users = "user_id\n" + (0..<30).map { "u\($0)\n" }.joined()
        let items = "item_id\n" + (0..<20).map { "i\($0)\n" }.joined()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("users.csv", users), ("items.csv", items), ("events.csv", events)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let contents = try FileBytes.contents(folder.appendingPathComponent("events.csv").path)
        contents.releaseResidentPages()
        #expect(contents.bytes == Array(events.utf8))
        let mapped = try DatasetLoader.load(directory: folder.path, workers: 2)
        let fromArrays = try DatasetLoader.load(users: ("users.csv", Array(users.utf8)), items: ("items.csv", Array(items.utf8)),
                                            events: (folder.appendingPathComponent("events.csv").path, Array(events.utf8)),
                                            workers: 2)
        #expect(mapped.report.events.counts[.duplicateEvent] == 40_000 / 97)
        #expect(mapped.report.events == fromArrays.report.events)
        let examples = mapped.report.events.examples[.duplicateEvent] ?? []
        #expect(examples.first?.line == 98 && examples.first?.raw == "u16,i6,play,46,2025-01-01T00:00:46Z")
    }
}
