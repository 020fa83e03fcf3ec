import Foundation
import Testing

/// Data strings written to a terminal carry no control characters: a title
/// or name holding ESC ]0;… (retitles the terminal) or ESC [2J (clears it)
/// reaches stdout with the ESC as a space (issue 17, class 9).
@Suite("terminal output is clean of escape sequences", .serialized)
struct TerminalOutputTests {
    static let hostile = ["\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "x\u{9B}2Jy", "tab\there"]

    @Test func everyCommandCleansDataStrings() throws {
        let root = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let synth = try RecsiteProcess.run(["synth", "--users", "20", "--items", "10", "--events", "1000", "--seed", "1",
                                            "--out", data.path])
        #expect(synth.status == 0, "\(synth.stderr)")
        // Every title and every name holds one of the hostile strings.
        for (file, column) in [("items.csv", 1), ("users.csv", 1)] {
            let url = data.appendingPathComponent(file)
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            var out = [String(lines[0])]
            for (index, line) in lines.dropFirst().enumerated() {
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[column] = "A\(index)" + Self.hostile[index % Self.hostile.count] + "Z"
                out.append(fields.joined(separator: ","))
            }
            try Data((out.joined(separator: "\n") + "\n").utf8).write(to: url)
        }
        let commands: [[String]] = [
            ["user", "u1"], ["movies", "u1"], ["recommend", "u1"], ["recommend", "--all"],
            ["explain", "u1", "i1"], ["explain", "u2", "i3"], ["popular"], ["check"],
        ]
        for command in commands {
            let result = try RecsiteProcess.run(command + ["--data", data.path])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B },
                    "\(command): \(result.stdout.debugDescription.prefix(2000))")
        }
        // The data itself still shows, escape bytes as spaces.
        let user = try RecsiteProcess.run(["user", "u1", "--data", data.path])
        #expect(user.stdout.contains("A0 ]0;pwned Z"), "\(user.stdout)")
    }
}
