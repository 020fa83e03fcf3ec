import Foundation
import Testing

/// `recsite-serve` as a process: SIGTERM while a large file is still being
/// sent lets that response finish, then the process exits 0.
@Suite struct ShutdownProcessTests {
    /// The server binary beside the test bundle.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("recsite-serve").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return ServerFixture.repository.appendingPathComponent(".build/debug/recsite-serve").path
    }

    @Test func sigtermLetsTheResponseInFlightFinish() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-serve-stop-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/site", withIntermediateDirectories: true)
        // 24 MiB: far more than loopback's socket buffers hold (a few MiB),
        // so the server is still writing while the client reads slowly.
        // Each 4 KiB block starts with its number, so a lost or repeated block shows.
        let size = 24 << 20
        var big = [UInt8](repeating: 0x5A, count: size)
        for block in 0..<(size >> 12) { withUnsafeBytes(of: UInt32(block)) { big.replaceSubrange((block << 12)..<((block << 12) + 4), with: $0) } }
        try Data(big).write(to: URL(fileURLWithPath: scratch + "/site/big.bin"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["--data", ServerFixture.data, "--site", scratch + "/site", "--config", ServerFixture.config,
                             "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = StderrReader(errors.fileHandleForReading)
        let port = try await log.port()

        // Blocking socket calls run on a thread of their own, never on the test's.
        let pid = process.processIdentifier
        let bytes = try await RawHTTP.onThread { () throws -> [UInt8] in
            let fd = try RawHTTP.connect(port: port)
            defer { close(fd) }
            try RawHTTP.write(fd, Array("GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
            // The first bytes arrive: the response is under way when the signal comes.
            var first = [UInt8](repeating: 0, count: 1024)
            let received = recv(fd, &first, first.count, 0)
            guard received > 0 else { throw RawHTTP.Failure(description: "no first bytes") }
            kill(pid, SIGTERM)
            return Array(first[..<received]) + (try RawHTTP.readAll(fd, pause: 0.002))
        }
        let response = try RawHTTP.parse(bytes)
        #expect(response.status == 200)
        #expect(response.body.count == size)
        #expect(response.body == big)

        for _ in 0..<600 where process.isRunning { try await Task.sleep(nanoseconds: 50_000_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("recsite-serve still ran 30 s after SIGTERM")
            return
        }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let text = log.text
        #expect(text.contains("GET /big.bin 200 \(size) "))
        #expect(text.contains("recsite-serve: stopped"))
    }
}

/// The server's stderr, read on a thread as it comes.
final class StderrReader: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                lock.lock()
                buffer += String(decoding: data, as: UTF8.self)
                lock.unlock()
            }
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return buffer
    }

    /// The port of the `listening on http://127.0.0.1:PORT/` line.
    func port() async throws -> Int {
        for _ in 0..<1000 {
            if let range = text.range(of: "listening on http://127.0.0.1:"),
               let port = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw RawHTTP.Failure(description: "the server did not start: \(text)")
    }
}
