import Foundation

/// `xmllint --html --noout` over a page. libxml2's HTML parser knows HTML 4
/// only, so it reports HTML5 elements as "Tag nav invalid"; those lines are
/// ignored, every other message is a problem.
enum HTMLValidation {
    static let html5Elements: Set<String> = [
        "nav", "main", "header", "footer", "section", "article", "aside", "figure", "figcaption", "svg", "template",
    ]

    static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The parser's error lines for `file`, HTML5-element notices removed.
    static func problems(xmllint: String, file: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--html", "--noout", file]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var problems = output.split(separator: "\n").filter { $0.contains("error") || $0.contains("warning") }
            .map(String.init)
        problems.removeAll { line in
            guard let range = line.range(of: #"Tag ([a-z0-9]+) invalid"#, options: .regularExpression) else { return false }
            let tag = line[range].dropFirst(4).dropLast(8)
            return html5Elements.contains(String(tag))
        }
        if process.terminationStatus != 0 { problems.append("xmllint exit status \(process.terminationStatus)") }
        return problems
    }
}
