import Foundation
import RecEngine
import RecSite
import Testing

/// Every file a build writes is the same, byte for byte, when the rows of each
/// input file are reordered (docs/rules.md, "Row order"), as long as the first
/// row of every duplicated user or item ID stays ahead of the later ones.
/// Only the data-quality page's examples name rows of the file as given.
@Suite("row order: the site does not depend on the order of the input rows")
struct RowOrderSiteTests {
    /// data/, which is a dirty set: duplicate IDs, every reason to drop a row.
    @Test("data/: every file but the data-quality examples, evaluation included", arguments: [1, 2] as [UInt64])
    func sampleData(seed: UInt64) throws {
        let folder = try RowOrderFolder()
        defer { folder.cleanUp() }
        let original = BuildFixture.repository.appendingPathComponent("data").path
        let shuffled = try folder.shuffledCopy(of: original, seed: seed)
        try expectSameSite(original, shuffled, evaluate: seed == 1)
    }

    @Test("dirty synthetic sets: every file but the data-quality examples", arguments: [3, 4, 5] as [UInt64])
    func dirtySynthetic(seed: UInt64) throws {
        let folder = try RowOrderFolder()
        defer { folder.cleanUp() }
        let files = try SyntheticData.generate(SynthOptions(users: 120, items: 60, events: 4000, seed: seed, dirty: true))
        let original = try folder.write(users: files.users, items: files.items, events: files.events, to: "original")
        let shuffled = try folder.shuffledCopy(of: original, seed: seed)
        try expectSameSite(original, shuffled, evaluate: false)
    }

    @Test("the shuffle reorders rows and keeps the first of each duplicated ID first")
    func shuffleKeepsFirstDuplicates() {
        let text = "user_id,name\nu2,a\nu1,b\n u2 ,c\nu3,d\nu2,e\n\"u1\",f\nu4,g\n"
        let records = RowOrderShuffle.records(Array(text.utf8))
        var seen = Set<String>()
        for seed in 0..<20 as Range<UInt64> {
            let out = RowOrderShuffle.shuffle(Array(text.utf8), seed: seed, keepFirstOfIDs: true)
            let rows = RowOrderShuffle.records(out)
            #expect(rows.first == records.first)
            #expect(rows.sorted { $0.lexicographicallyPrecedes($1) } == records.sorted { $0.lexicographicallyPrecedes($1) })
            let names = rows.dropFirst().map { String(decoding: $0, as: UTF8.self).split(separator: ",").last! }
            #expect(names.firstIndex(of: "a")! < names.firstIndex(of: "c")!)
            #expect(names.firstIndex(of: "c")! < names.firstIndex(of: "e")!)
            #expect(names.firstIndex(of: "b")! < names.firstIndex(of: "f")!)
            seen.insert(names.joined())
        }
        #expect(seen.count > 10)
    }

    /// Builds both folders and compares every file; the data-quality pages
    /// may differ only in their example lines, which must name lines of the
    /// file as given.
    private func expectSameSite(_ original: String, _ shuffled: String, evaluate: Bool) throws {
        let a = try Self.site(data: original, evaluate: evaluate)
        let b = try Self.site(data: shuffled, evaluate: evaluate)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.count > 100)
        var differing: [String] = []
        for (path, bytes) in a.sorted(by: { $0.key < $1.key }) where b[path] != bytes {
            differing.append(path)
        }
        #expect(Set(differing).isSubset(of: ["data-quality.md", "data-quality.html"]), "\(differing)")
        for path in ["data-quality.md", "data-quality.html"] {
            let (restA, examplesA) = Self.splitExamples(a[path] ?? [])
            let (restB, examplesB) = Self.splitExamples(b[path] ?? [])
            #expect(restA == restB, "\(path): only the example rows may differ")
            #expect(examplesA.count == examplesB.count && !examplesA.isEmpty, "\(path)")
        }
        // The reports: the same counts; each example names its own file's line.
        let reportA = try DatasetLoader.load(directory: original).report
        let reportB = try DatasetLoader.load(directory: shuffled).report
        for (fileA, fileB) in zip(reportA.files, reportB.files) {
            #expect(fileA.rowsRead == fileB.rowsRead && fileA.kept == fileB.kept, "\(fileA.file)")
            #expect(fileA.counts == fileB.counts && fileA.repairs == fileB.repairs, "\(fileA.file)")
            #expect(fileA.examples.mapValues(\.count) == fileB.examples.mapValues(\.count), "\(fileA.file)")
            for (folder, file) in [(original, fileA), (shuffled, fileB)] {
                let lines = try Self.recordsByLine(folder + "/" + file.file)
                for row in file.examples.values.joined() {
                    #expect(lines[row.line] == row.raw, "\(folder)/\(file.file):\(row.line)")
                }
            }
        }
    }

    /// Path → bytes of the site built from `data` with the repository's templates.
    private static func site(data: String, evaluate: Bool) throws -> [String: [UInt8]] {
        var options = SiteBuilder.Options()
        options.dataDirectory = data
        options.templatesDirectory = BuildFixture.repositoryTemplates
        options.configPath = BuildFixture.repository.appendingPathComponent("recsite.yml").path
        options.workers = 2
        let builder = SiteBuilder(options: options, console: MemoryConsole()) { inputs in
            let model = inputs.model
            let evaluation = try evaluate
                ? Evaluator(dataset: model.dataset, weights: model.config.weights,
                            options: EvaluationOptions(k: model.config.k)).run(Evaluator.algorithms(variants: true))
                : nil
            return ReportSite(inputs, evaluation: evaluation)
        }
        var files: [String: [UInt8]] = [:]
        for file in try builder.siteFiles().files { files[file.path] = file.bytes }
        return files
    }

    /// A data-quality page without its example rows (`- line N: …` in
    /// Markdown, `<li>line N: …</li>` in HTML), and those rows.
    private static func splitExamples(_ bytes: [UInt8]) -> (rest: [Substring], examples: [Substring]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let isExample = { (line: Substring) in line.hasPrefix("- line ") || line.hasPrefix("<li>line ") }
        return (lines.filter { !isExample($0) }, lines.filter(isExample))
    }

    /// Each record of a CSV file by the line it starts on, as the file has it.
    private static func recordsByLine(_ path: String) throws -> [Int: String] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var result: [Int: String] = [:]
        var line = 1
        for record in RowOrderShuffle.records(bytes) {
            result[line] = String(decoding: record, as: UTF8.self)
            line += record.filter { $0 == 0x0A }.count + 1
        }
        return result
    }
}

/// A seeded reordering of a CSV file's records (the header stays first; each
/// record keeps its bytes; a quoted field may span lines).
enum RowOrderShuffle {
    /// The records without their line ends (LF files; a record spans lines
    /// while it holds an odd number of quotes). A final line end is not a record.
    static func records(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var records: [ArraySlice<UInt8>] = []
        var start = 0, quotes = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quotes += 1 }
            if byte == 0x0A, quotes % 2 == 0 {
                records.append(bytes[start..<index])
                start = index + 1
                quotes = 0
            }
        }
        if start < bytes.count { records.append(bytes[start...]) }
        return records
    }

    /// The file with its records after the header in a seeded random order.
    /// - Parameter keepFirstOfIDs: records with the same first field (trimmed,
    ///   unquoted) keep their relative order, so the first row of a
    ///   duplicated ID stays first (and with it, which row SPEC §2 keeps).
    static func shuffle(_ bytes: [UInt8], seed: UInt64, keepFirstOfIDs: Bool) -> [UInt8] {
        let all = records(bytes)
        guard all.count > 2 else { return bytes }
        let rows = Array(all.dropFirst())
        var order = Array(rows.indices)
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        if keepFirstOfIDs {
            // Each ID's rows go back into the slots the shuffle gave the ID, in file order.
            var members: [String: [Int]] = [:], slots: [String: [Int]] = [:]
            for row in rows.indices { members[firstField(rows[row]), default: []].append(row) }
            for (slot, row) in order.enumerated() { slots[firstField(rows[row]), default: []].append(slot) }
            for (id, rowsOfID) in members {
                for (slot, row) in zip(slots[id]!, rowsOfID) { order[slot] = row }
            }
        }
        var out = Array(all[0])
        for row in order {
            out.append(0x0A)
            out += rows[row]
        }
        if bytes.last == 0x0A { out.append(0x0A) }
        return out
    }

    /// The first field, without surrounding blanks and quotes.
    private static func firstField(_ record: ArraySlice<UInt8>) -> String {
        let field = record.prefix { $0 != UInt8(ascii: ",") }
        return String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
}

/// A scratch folder for the row-order builds.
struct RowOrderFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-row-order-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    func write(users: [UInt8], items: [UInt8], events: [UInt8], to name: String) throws -> String {
        let folder = path + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, bytes) in [("users.csv", users), ("items.csv", items), ("events.csv", events)] {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        return folder
    }

    /// `source`'s three files with their rows shuffled: users and items
    /// keeping the first row of each ID first, events freely.
    func shuffledCopy(of source: String, seed: UInt64) throws -> String {
        func read(_ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: source + "/" + name)))
        }
        return try write(
            users: RowOrderShuffle.shuffle(try read("users.csv"), seed: seed, keepFirstOfIDs: true),
            items: RowOrderShuffle.shuffle(try read("items.csv"), seed: seed &+ 1, keepFirstOfIDs: true),
            events: RowOrderShuffle.shuffle(try read("events.csv"), seed: seed &+ 2, keepFirstOfIDs: false),
            to: "shuffled-\(seed)")
    }
}
