import Foundation
import RecEngine
import RecSite
import Testing

/// `MarkdownRenderer` may be used from many threads at once
/// (`cmark-gfm`'s process-wide special-character table is never written
/// by parallel parses; see its documentation). A synthetic site whose user
/// names and item titles hold `~~`, `~`, `://`, `www.` and `@` is rendered
/// as Markdown once, with live strikethrough and autolinks added to two
/// pages in three; every page is converted on one thread, then by 8
/// threads at once for 2 rounds (each round every page once, each thread a
/// different share, so pages with and without `~` overlap), and every
/// result must equal the single-threaded bytes. With strikethrough parsed
/// outside its lock, hundreds of pages differ.
///
/// Size: 5,000 users, 500 items and 15,000 events (5,507 pages). The
/// 10,000-user site (11,007 pages, 71 MB of Markdown) took 61 s in a debug
/// build on 2 cores shared with other builds (21 s to make the pages, 7 s
/// per conversion of all of them); this half takes 25 s and still overlaps
/// every kind of page thousands of times.
@Suite("parallel Markdown stress", .serialized)
struct ParallelMarkdownStressTests {
    /// What the name or title of row `row` gets: both strikethrough forms in
    /// one row of 100 (so most pages hold no `~` and parse in parallel), a
    /// URL, a `www.` host or an e-mail address in three rows of four. The
    /// page templates escape all of them, so they reach cmark as text.
    static func decoration(_ row: Int) -> String {
        switch (row % 200, row % 4) {
        case (0, _): " ~~gone~~"
        case (100, _): " ~x~ b"
        case (_, 1): " https://x.y/p?q=1"
        case (_, 2): " www.x.y"
        case (_, 3): " a.b@x.y"
        default: ""
        }
    }

    /// Live triggers appended to page `index`: strikethrough and autolinks
    /// on one page in three, autolinks alone on another.
    static func triggers(_ index: Int) -> String {
        switch index % 3 {
        case 0: "\n\n~~gone~~ and ~x~ https://x.y/p www.x.y a.b@x.y\n"
        case 1: "\n\nhttps://x.y/p www.x.y a.b@x.y\n"
        default: ""
        }
    }

    @Test func everyPageConvertsTheSameOnEightThreads() throws {
        let pages = try Self.pages()
        #expect(pages.count > 5_000)
        #expect(pages.contains { $0.contains("~") } && pages.contains { !$0.contains("~") && $0.contains("www.") })
        let renderer = try MarkdownRenderer()
        let expected = try pages.map { try renderer.html($0) }
        #expect(expected.enumerated().allSatisfy { $0.offset % 3 != 0 || $0.element.contains("<del>gone</del>") })
        #expect(expected.filter { $0.contains("href=\"http://www.x.y\"") && $0.contains("href=\"mailto:a.b@x.y\"") }
            .count >= pages.count * 2 / 3)

        let threads = 8, rounds = 2
        let mismatches = Mismatches()
        for round in 0..<rounds {
            let group = DispatchGroup()
            for thread in 0..<threads {
                group.enter()
                Thread {
                    defer { group.leave() }
                    var index = (thread + round) % threads
                    while index < pages.count {
                        if (try? renderer.html(pages[index])) != expected[index] { mismatches.add(index) }
                        index += threads
                    }
                }.start()
            }
            group.wait()
        }
        #expect(mismatches.indices.isEmpty, "pages whose HTML differed: \(mismatches.indices.prefix(10))")
    }

    /// The Markdown of every page of the decorated synthetic site, with its triggers.
    static func pages() throws -> [String] {
        let files = try SyntheticData.generate(SynthOptions(users: 5_000, items: 500, events: 15_000, seed: 5))
        let dataset = try DatasetLoader.load(
            users: ("users.csv", decorate(files.users)), items: ("items.csv", decorate(files.items)),
            events: ("events.csv", files.events))
        let model = RecommenderModel(dataset: dataset)
        let lists = model.recommender.recommendAll(k: model.config.k)
        let templates = try TemplateLibrary(directory: BuildFixture.repositoryTemplates)
        let source = ReportSite(model: model, templates: templates, recommendations: lists)
        let pages = try source.renderPages(workers: ProcessInfoCores.count).pages
        return pages.enumerated().map { $0.element.markdown + triggers($0.offset) }
    }

    /// `csv` with the second field (the name or title) of each row after the
    /// header followed by a decoration; the synthetic fields hold no quote or comma.
    static func decorate(_ csv: [UInt8]) -> [UInt8] {
        var lines = String(decoding: csv, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for row in 1..<lines.count where !lines[row].isEmpty {
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false)
            fields[1] += decoration(row)
            lines[row] = Substring(fields.joined(separator: ","))
        }
        return Array(lines.joined(separator: "\n").utf8)
    }
}

/// Page indices whose HTML differed, added from any thread.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    var indices: [Int] { lock.withLock { stored.sorted() } }
    func add(_ index: Int) { lock.withLock { stored.append(index) } }
}
