import RecEngine

/// The internal links of a site's pages, gathered batch by batch as the
/// pages are made and checked at the end against every file of the site
/// (`LinkChecker` says which links count and how they resolve).
///
/// Memory stays small on large sites: each distinct target is kept once,
/// with the first `referrersKept` links naming it, which are what an error
/// lists when the target turns out to be missing.
struct LinkLedger {
    /// Links to one missing target listed in an error (in page order).
    static let referrersKept = 20

    /// A link as recorded; its error line is only formatted by `verify`, as
    /// most links are never reported.
    private struct Referrer {
        let page: String
        let link: String
        /// Why it is broken when known already; `nil` for "no such file".
        var problem: String? = nil
        /// When it was recorded: pages come in page order, links in link order.
        let order: Int

        /// `page: link (why)`.
        var line: String { "\(page): \(link) (\(problem ?? "no such file"))" }
    }

    /// Links already known to be broken (root-absolute, leaving the site).
    private var broken: [Referrer] = []
    /// Resolved target → the first links naming it.
    private var targets: [String: [Referrer]] = [:]
    private var recorded = 0

    /// Records the links of `pages`, resolving them on `workers` threads.
    mutating func record(_ pages: [LinkChecker.PageLinks], workers: Int) {
        let resolved = parallelMap(count: pages.count, workers: workers, makeScratch: {}) { index, _ in
            Self.resolve(pages[index])
        }
        for (page, links) in zip(pages, resolved) {
            for link in links {
                recorded += 1
                switch link {
                case .broken(let link, let why):
                    broken.append(Referrer(page: page.page, link: link, problem: why, order: recorded))
                case .target(let target, let link):
                    let referrer = Referrer(page: page.page, link: link, order: recorded)
                    let kept = targets[target]?.count ?? 0
                    if kept == 0 {
                        targets[target] = [referrer]
                    } else if kept < Self.referrersKept {
                        targets[target]!.append(referrer)
                    }
                }
            }
        }
    }

    /// Records site-relative targets named in data files (the search
    /// indexes' `page` fields), with the file that names each.
    mutating func record(targets named: [(file: String, target: String)]) {
        for (file, target) in named where (targets[target]?.count ?? 0) < Self.referrersKept {
            recorded += 1
            targets[target, default: []].append(
                Referrer(page: file, link: target, order: recorded))
        }
    }

    /// - Throws: `RecSiteError.brokenLinks` listing `page: link (why)` for
    ///   every broken link, pages in path order, links in page order.
    func verify(paths: Set<String>) throws {
        var found = broken
        for (target, referrers) in targets where !paths.contains(target) { found += referrers }
        guard !found.isEmpty else { return }
        let sorted = found.sorted { a, b in
            a.page != b.page ? codePointLess(a.page, b.page) : a.order < b.order
        }
        throw RecSiteError.brokenLinks(sorted.map(\.line))
    }

    private enum Resolved {
        case broken(link: String, why: String)
        case target(String, link: String)
    }

    /// Each distinct link of a page: broken already, or the file it names.
    private static func resolve(_ page: LinkChecker.PageLinks) -> [Resolved] {
        var seen = Set<String>()
        var result: [Resolved] = []
        for link in page.links where seen.insert(link).inserted {
            switch LinkChecker.resolution(of: link, from: page.page) {
            case .none: continue
            case .problem(let why): result.append(.broken(link: link, why: why))
            case .file(let target): result.append(.target(target, link: link))
            }
        }
        return result
    }
}
