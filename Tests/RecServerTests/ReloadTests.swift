import Foundation
import RecServer
import Testing

/// Reloading swaps the model without dropping a request, and a failed
/// reload keeps the old one.
@Suite struct ReloadTests {
    /// A copy of the fixture's data to change.
    static func copyOfData() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-serve-data-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: ServerFixture.data, toPath: folder)
        return folder
    }

    static func events(_ port: Int) async throws -> Int? {
        try await RawHTTP.get(port: port, "/health").json?["events"] as? Int
    }

    /// One more kept event for u3, who had none.
    static func addEvent(_ data: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: data + "/events.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("u3,i6,complete,100,2025-02-01T10:00:00Z\n".utf8))
        try handle.close()
    }

    @Test func requestsDuringAReloadAreAllAnswered() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try await ServerFixture.withServer(data: data) { port, store in
            // events.csv has 14 rows; u1's i9 is an unknown item, so 13 are kept.
            #expect(try await Self.events(port) == 13)
            try Self.addEvent(data)
            let targets = (0..<400).map { ["/recommendations?user_id=u\([1, 2, 10][$0 % 3])", "/health", "/popular?k=3"][$0 % 3] }
            async let answers = RawHTTP.getAll(port: port, targets, connections: 8)
            let outcomes = await [store.reload(reason: "test"), store.reload(reason: "test again")]
            let results = try await answers
            #expect(outcomes.contains(.reloaded))
            #expect(results.allSatisfy { (try? $0.get().status) == 200 })
            #expect(try await Self.events(port) == 14)
            // u3 now has a history.
            let history = try await RawHTTP.get(port: port, "/user_history?user_id=u3")
            #expect((history.json?["items"] as? [[String: Any]])?.map { $0["item_id"] as? String } == ["i6"])
        }
    }

    @Test func aFailedReloadKeepsTheOldModelAndSaysWhy() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let lines = LineCollector()
        try await ServerFixture.withServer(data: data, log: ServerLog { lines.add($0) }) { port, store in
            try "name,age\nx,1\n".write(toFile: data + "/users.csv", atomically: true, encoding: .utf8)
            let outcome = await store.reload(reason: "test")
            guard case .failed(let reason) = outcome else {
                Issue.record("the reload of a users.csv without user_id succeeded")
                return
            }
            #expect(reason.contains("users.csv"))
            #expect(lines.all.contains { $0.contains("reload failed, still serving the previous data") && $0.contains("user_id") })
            #expect(try await Self.events(port) == 13)
            #expect(try await RawHTTP.get(port: port, "/recommendations?user_id=u1").status == 200)
        }
    }

    @Test func theWatcherReloadsWhenAFileChanges() async throws {
        let data = try Self.copyOfData()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try await ServerFixture.withServer(data: data) { port, store in
            let watcher = DataWatcher.start(store: store, interval: 0.05)
            defer { watcher.cancel() }
            try Self.addEvent(data)
            var seen = try await Self.events(port)
            for _ in 0..<200 where seen != 14 {
                try await Task.sleep(nanoseconds: 25_000_000)
                seen = try await Self.events(port)
            }
            #expect(seen == 14)
        }
    }
}

/// Log lines gathered from many threads.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
