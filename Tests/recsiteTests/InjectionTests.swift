import Foundation
import RecSite
import Testing

/// Builds a site from a data set made of hostile strings with `recsite build`
/// and checks every file it wrote: no data string becomes markup, no file
/// name leaves the site or collides, every formula-like CSV cell is
/// neutralised, and every JSON file parses and carries the strings exactly.
@Suite("injection-proof output", .serialized)
struct InjectionTests {
    /// Strings that are markup, Markdown, formulas or paths somewhere.
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[click](javascript:alert(1))",
        "](javascript:x)",
        "*_[]()|#` \\ ~~x~~ <b>",
        "| a | b |\n|---|---|",
        "# heading",
        "=cmd|' /C calc'!A0",
        "+SUM(1,2)",
        "-2+3",
        "@SUM(A1)",
        "a\tb",
        "../../etc/passwd",
        "..",
        ".hidden",
        "a/b",
        "with space",
        "naïve ☃ 日本",
        "CaseID",
        "caseid",
        "&amp; &lt;x&gt; &#60;",
        "{{mustache}} {{{triple}}}",
        "<!-- comment -->",
        "x\u{2028}y",
        String(repeating: "long", count: 75),
        String(repeating: "L", count: 300) + "/<script>",
    ]

    /// The three CSV files: every hostile string is a user ID, a name, a
    /// region, an item ID, a title and a genre; users watch overlapping items
    /// so that recommendations, breakdowns and charts are made.
    static func writeData(to folder: URL) throws {
        func cell(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var users = "user_id,name,age,gender,region\n"
        var items = "item_id,title,content_type,genre\n"
        var events = "user_id,item_id,event_type,watch_seconds,timestamp\n"
        let types = ["movie", "series", "=1+1"]
        for (i, s) in hostile.enumerated() {
            users += [cell(s), cell(s), "30", cell(s), cell(s)].joined(separator: ",") + "\n"
            items += [cell(s), cell(s), cell(types[i % types.count]), cell(s)].joined(separator: ",") + "\n"
        }
        let n = hostile.count
        for (u, user) in hostile.enumerated() {
            for step in 0..<4 {
                let item = hostile[(u + step * 3) % n]
                events += [cell(user), cell(item), step == 0 ? "complete" : "play", String(100 + 10 * step + u),
                           "2025-01-\(String(format: "%02d", step + 1))T10:00:00Z"].joined(separator: ",") + "\n"
            }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(users.utf8).write(to: folder.appendingPathComponent("users.csv"))
        try Data(items.utf8).write(to: folder.appendingPathComponent("items.csv"))
        try Data(events.utf8).write(to: folder.appendingPathComponent("events.csv"))
    }

    /// The site, built once for every test of the suite.
    static let site: Result<URL, any Error> = Result {
        let work = try RecsiteProcess.temporaryDirectory()
        try writeData(to: work.appendingPathComponent("data"))
        let out = work.appendingPathComponent("site")
        let result = try RecsiteProcess.run(["build", "--data", work.appendingPathComponent("data").path,
                                             "--out", out.path, "--quiet", "--workers", "2"])
        guard result.status == 0 else {
            throw BuildFailed(message: "exit \(result.status): \(result.stderr)")
        }
        return out
    }

    struct BuildFailed: Error, CustomStringConvertible { let message: String; var description: String { message } }

    /// Every regular file of the site, relative to it.
    static func files(in site: URL) throws -> [String] {
        let root = site.resolvingSymlinksInPath().path
        var paths: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let path = enumerator.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + path)
            if attributes[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
            #expect(attributes[.type] as? FileAttributeType != .typeSymbolicLink, "symlink \(path)")
        }
        return paths.sorted()
    }

    static func text(_ site: URL, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: site.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func noDataStringBecomesMarkup() throws {
        let site = try Self.site.get()
        let pages = try Self.files(in: site).filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") }
        #expect(pages.count > 2 * Self.hostile.count)
        let tag = try NSRegularExpression(pattern: #"<[A-Za-z][^>]*>"#)
        let quotedValue = try NSRegularExpression(pattern: #""[^"]*"|'[^']*'"#)
        let handler = try NSRegularExpression(pattern: #"\son[a-z]+\s*="#, options: [.caseInsensitive])
        let scriptURL = try NSRegularExpression(
            pattern: #"(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):"#, options: [.caseInsensitive])
        let dataTags = try NSRegularExpression(pattern: #"<script>alert|<img src=x|<b>|<!-- comment"#, options: [.caseInsensitive])
        for page in pages {
            let html = try Self.text(site, page)
            let all = NSRange(html.startIndex..., in: html)
            #expect(dataTags.firstMatch(in: html, range: all) == nil, "\(page): a tag from the data")
            for match in tag.matches(in: html, range: all) {
                let text = (html as NSString).substring(with: match.range)
                // Attribute values may hold any escaped text; what stands outside them may not be a handler.
                let bare = quotedValue.stringByReplacingMatches(
                    in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\"\"")
                #expect(handler.firstMatch(in: bare, range: NSRange(bare.startIndex..., in: bare)) == nil, "\(page): \(text)")
                #expect(scriptURL.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(page): \(text)")
            }
        }
        // The Markdown twins: every '<' and link bracket from the data is backslash-escaped.
        let rawMarkup = try NSRegularExpression(pattern: #"(?<!\\)(<script>alert|<img src=x|\]\(javascript:)"#)
        for page in try Self.files(in: site).filter({ $0.hasSuffix(".md") }) {
            let markdown = try Self.text(site, page)
            let hit = rawMarkup.firstMatch(in: markdown, range: NSRange(markdown.startIndex..., in: markdown))
            #expect(hit == nil, "\(page): unescaped markup in the Markdown")
        }
    }

    @Test func everyFileStaysInsideTheSiteAndEveryIDHasItsOwn() throws {
        let site = try Self.site.get()
        let files = try Self.files(in: site)
        #expect(Set(files).count == files.count)
        for path in files {
            let resolved = site.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath().path
            #expect(resolved.hasPrefix(site.resolvingSymlinksInPath().path + "/"), "\(path) leaves the site")
            #expect(!path.split(separator: "/").contains(".."), "\(path)")
            for component in path.split(separator: "/") {
                #expect(component.utf8.count <= 255, "\(path): a name longer than a file system allows")
            }
        }
        // One page, one JSON file pair and one set of CSV exports per ID.
        let names = Set(Self.hostile.map(SafeFileName.forID))
        #expect(names.count == Self.hostile.count, "two IDs share a file name")
        for id in Self.hostile {
            let name = SafeFileName.forID(id)
            for path in ["users/\(name).md", "users/\(name).html", "items/\(name).md", "items/\(name).html",
                         "api/recommendations/\(name).json", "api/user_history/\(name).json"] {
                #expect(files.contains(path), "missing \(path) for \(id.debugDescription)")
            }
        }
        // No ID makes a folder of its own (a '/' in an ID stays in one name).
        #expect(!files.contains { $0.hasPrefix("users/a/") || $0.contains("etc/passwd") })
    }

    @Test func formulaCellsAreNeutralised() throws {
        let site = try Self.site.get()
        let csvs = try Self.files(in: site).filter { $0.hasSuffix(".csv") }
        #expect(!csvs.isEmpty)
        var neutralised = Set<String>()
        for path in csvs {
            for row in Self.parseCSV(try Self.text(site, path)) {
                for cell in row {
                    guard let first = cell.unicodeScalars.first else { continue }
                    if Double(cell) != nil { continue }  // a number is not a formula
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(path): formula cell \(cell.debugDescription)")
                    if first == "'" { neutralised.insert(String(cell.dropFirst())) }
                }
            }
        }
        for formula in ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)"] {
            #expect(neutralised.contains(formula), "\(formula) never appears neutralised")
        }
    }

    @Test func jsonFilesParseAndCarryTheStringsExactly() throws {
        let site = try Self.site.get()
        let jsons = try Self.files(in: site).filter { $0.hasSuffix(".json") }
        var strings = Set<String>()
        for path in jsons {
            let data = try Data(contentsOf: site.appendingPathComponent(path))
            let object = try JSONSerialization.jsonObject(with: data)
            Self.collectStrings(object, into: &strings)
            let raw = String(decoding: data, as: UTF8.self)
            #expect(!raw.contains("<script"), "\(path): a raw '<' in JSON")
        }
        for s in Self.hostile {
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(strings.contains(trimmed), "\(trimmed.debugDescription) is not in the JSON files")
        }
        for id in Self.hostile {
            let path = "api/recommendations/\(SafeFileName.forID(id)).json"
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent(path)))
            #expect((object as? [String: Any])?["user_id"] as? String == id, "\(path)")
        }
    }

    static func collectStrings(_ value: Any, into strings: inout Set<String>) {
        switch value {
        case let s as String: strings.insert(s)
        case let array as [Any]: for element in array { collectStrings(element, into: &strings) }
        case let object as [String: Any]:
            for (key, element) in object { strings.insert(key); collectStrings(element, into: &strings) }
        default: break
        }
    }

    /// RFC 4180 rows (quoted fields may hold commas, quotes and line ends).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, atStart = true
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && atStart {
                quoted = true; atStart = false
            } else if c == "," {
                row.append(field); field = ""; atStart = true
            } else if c == "\r" && scalars.first == "\n" {
                scalars.removeFirst(); row.append(field); rows.append(row); row = []; field = ""; atStart = true
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; atStart = true
            } else {
                field.unicodeScalars.append(c); atStart = false
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
