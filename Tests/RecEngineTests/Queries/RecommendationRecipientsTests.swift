import Testing
@testable import RecEngine

/// Lists inverted by item: recipients by rank, then user order.
@Suite("Recommendation recipients")
struct RecommendationRecipientsTests {
    private static func rec(_ rank: Int, _ item: Int32, _ source: RecommendationSource = .cf) -> Recommendation {
        Recommendation(rank: rank, item: item, score: source == .cf ? 1 : nil, source: source, reason: nil)
    }

    @Test("hand-made lists: rank first, then user, with each slot's source")
    func byHand() {
        let lists: [[Recommendation]] = [
            [Self.rec(1, 2), Self.rec(2, 0), Self.rec(3, 1, .popular)],  // user 0
            [Self.rec(1, 0), Self.rec(2, 2)],                             // user 1
            [],                                                           // user 2
            [Self.rec(1, 2), Self.rec(2, 1, .popular)],                   // user 3
        ]
        let recipients = RecommendationRecipients(itemCount: 4, lists: lists)
        func rows(_ item: Int) -> [String] { recipients.recipients(of: item).map { "u\($0.user) #\($0.rank) \($0.source)" } }
        #expect(rows(0) == ["u1 #1 cf", "u0 #2 cf"])
        #expect(rows(1) == ["u3 #2 popular", "u0 #3 popular"])
        #expect(rows(2) == ["u0 #1 cf", "u3 #1 cf", "u1 #2 cf"])
        #expect(rows(3).isEmpty)
        #expect((0..<4).map { recipients.count(of: $0) } == [2, 2, 3, 0])
    }

    @Test("no lists, or an empty catalogue")
    func empty() {
        let none = RecommendationRecipients(itemCount: 3, lists: [[], []])
        #expect((0..<3).allSatisfy { none.count(of: $0) == 0 && none.recipients(of: $0).isEmpty })
        _ = RecommendationRecipients(itemCount: 0, lists: [])
    }

    @Test("random data: the same as filtering every list, with cf and popular slots")
    func againstFiltering() throws {
        let model = try TestCatalog.random(seed: 5, users: 60, items: 25, events: 300).model(k: 6, workers: 2)
        let lists = model.recommender.recommendAll(k: 6, workers: 2)
        #expect(lists.joined().contains { $0.source == .popular } && lists.joined().contains { $0.source == .cf })
        let recipients = RecommendationRecipients(itemCount: model.dataset.items.count, lists: lists)
        for i in model.dataset.items.indices {
            var expected: [Recipient] = []
            for (u, list) in lists.enumerated() {
                for rec in list where rec.item == Int32(i) { expected.append(Recipient(user: u, rank: rec.rank, source: rec.source)) }
            }
            expected.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.user < $1.user }
            #expect(recipients.recipients(of: i) == expected)
            #expect(recipients.count(of: i) == expected.count)
        }
    }
}
