import Testing
@testable import RecSite

/// A change that touches every one of 10,000 users still gives a pull-request
/// comment within GitHub's limit, with the cut lists counted.
@Suite struct ChangeReportSizeTests {
    /// 10,000 users with 10 recommendations each from 2,000 items with long
    /// titles; the new build shifts every list by `shift` items and renames every item.
    static func summary(shift: Int) -> BuildSummary {
        let items = (0..<2000).map { i in
            BuildSummary.ItemEntry(id: "i\(i)", title: "A rather long title for item number \(i) \(shift)",
                                   row: Fingerprint(UInt64(i * 7 + shift)), popularity: Double((i * 37 + shift) % 2000),
                                   viewers: 1, rank: (i * 37 + shift) % 2000 + 1)
        }
        let users = (0..<10_000).map { u in
            BuildSummary.UserEntry(id: "user-\(u)", row: Fingerprint(UInt64(u)), events: 10 + shift,
                                   eventsFingerprint: Fingerprint(UInt64(u + shift)), history: 10,
                                   items: (0..<10).map { "i\((u + $0 * 3 + shift) % 2000)" },
                                   scores: (0..<10).map { Double(100 - $0) + Double(shift) })
        }
        return BuildSummary(settings: .init(k: 10, weights: []), inputs: [], users: users, items: items)
    }

    @Test func tenThousandChangedUsersFitInAComment() {
        let old = Self.summary(shift: 0), new = Self.summary(shift: 1)
        let comparison = BuildComparison(old: old, new: new)
        #expect(comparison.lists.count == 10_000)
        #expect(comparison.events.count == 10_000)
        let text = ChangeReportMarkdown.fitting(comparison, limit: 25, heading: "## changes", level: 3)
        #expect(text.count <= ChangeReportMarkdown.characterLimit)
        #expect(text.hasPrefix("## changes\n\nTop 10 changed for 10000 of 10000 users"))
        #expect(text.contains("… and 9") && text.contains("more."))
        // The whole report, uncut, would not fit: the limit did the cutting.
        let uncut = ChangeReportMarkdown().render(ChangeReport(comparison, limit: 10_000), level: 3)
        #expect(uncut.count > ChangeReportMarkdown.characterLimit)
    }
}
