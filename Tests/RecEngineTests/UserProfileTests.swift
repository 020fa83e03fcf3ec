import Testing
@testable import RecEngine

/// u1 watches five items across three content types and three genres; u3
/// has a genre tie; u2 has no history. IDs m9 < m10 in ID order (not in
/// string order).
enum ProfileData {
    static var catalog: TestCatalog {
        var c = TestCatalog()
        c.users = ["u3", "u2", "u1"]
        c.items = [
            .init(id: "m1", contentType: "movie", genre: "drama"),
            .init(id: "m9", contentType: "movie", genre: "comedy"),
            .init(id: "s1", contentType: "series", genre: "drama"),
            .init(id: "d1", contentType: "documentary", genre: "nature"),
            .init(id: "m10", contentType: "movie", genre: "comedy"),
        ]
        c.event("u1", "m1", "play", 100, at: "2025-03-01T10:00:00Z")
        c.event("u1", "m1", "complete", 10, at: "2025-03-02T09:00+02:00")     // 07:00Z: the latest of m1
        c.event("u1", "s1", "like", 20, at: "2025-03-01T23:30:00-02:00")      // 03-02 01:30Z: later, though its local date is earlier
        c.event("u1", "s1", "play", 30, at: "2025-03-02T01:00:00Z")
        c.event("u1", "m9", "pause", 100, at: "2025-03-03")
        c.event("u1", "m9", "skip", 0, at: "2025-03-03T12:00:00.999Z")        // fraction dropped when shown
        c.event("u1", "d1", "play", 0, at: "2025-03-04 08:15:30")
        c.event("u1", "m10", "save", 25, at: "2025-02-28T23:59:59+00:00")
        c.event("u3", "m9", "play", 40, at: "2025-01-01")
        c.event("u3", "d1", "play", 40, at: "2025-01-01")
        return c
    }
}

/// A profile's history as (item, r, events, last watched) for expectations.
func historyRows(_ model: RecommenderModel, _ profile: UserProfile, _ entries: [HistoryEntry]? = nil) -> [String] {
    (entries ?? profile.history).map {
        "\(model.dataset.items[Int($0.item)].id) \($0.score) \($0.events) \(Timestamp(seconds: $0.lastWatched).iso8601)"
    }
}

func groupRows(_ groups: [GroupTotal]) -> [String] { groups.map { "\($0.name) \($0.items) \($0.score)" } }

@Suite("User profiles")
struct UserProfileTests {
    @Test("history by r descending then ID order, with events and the latest watch in UTC")
    func history() throws {
        let model = try ProfileData.catalog.model()
        let profile = model.profile(user: model.user("u1")!)
        // m1 = 100 + 3·10, s1 = 2.5·20 + 30, m9 = 0.5·100 + 0.1·0, m10 = 2·25, d1 = 0.
        #expect(historyRows(model, profile) == [
            "m1 130.0 2 2025-03-02T07:00:00Z",
            "s1 80.0 2 2025-03-02T01:30:00Z",
            "m9 50.0 2 2025-03-03T12:00:00Z",
            "m10 50.0 1 2025-02-28T23:59:59Z",
            "d1 0.0 1 2025-03-04T08:15:30Z",
        ])
        #expect(profile.eventCount == 8)
        #expect(profile.totalScore == 310)
        #expect(profile.user == Int32(model.user("u1")!))
    }

    @Test("genre preferences: Σ r by genre, descending, then genre name")
    func genres() throws {
        let model = try ProfileData.catalog.model()
        let items = model.dataset.items
        let u1 = model.profile(user: model.user("u1")!)
        #expect(groupRows(u1.genrePreferences(items: items)) == ["drama 2 210.0", "comedy 2 100.0", "nature 1 0.0"])
        let u3 = model.profile(user: model.user("u3")!)
        #expect(groupRows(u3.genrePreferences(items: items)) == ["comedy 1 40.0", "nature 1 40.0"])
    }

    @Test("content breakdown: items and Σ r per content type")
    func contentBreakdown() throws {
        let model = try ProfileData.catalog.model()
        let items = model.dataset.items
        let u1 = model.profile(user: model.user("u1")!)
        #expect(groupRows(u1.contentBreakdown(items: items)) == ["movie 3 230.0", "series 1 80.0", "documentary 1 0.0"])
        let u3 = model.profile(user: model.user("u3")!)
        #expect(groupRows(u3.contentBreakdown(items: items)) == ["documentary 1 40.0", "movie 1 40.0"])
    }

    @Test("the movies-only view keeps history order, and its genres can be grouped")
    func moviesOnly() throws {
        let model = try ProfileData.catalog.model()
        let items = model.dataset.items
        let u1 = model.profile(user: model.user("u1")!)
        let movies = u1.moviesOnly(items: items)
        #expect(historyRows(model, u1, movies) == [
            "m1 130.0 2 2025-03-02T07:00:00Z", "m9 50.0 2 2025-03-03T12:00:00Z", "m10 50.0 1 2025-02-28T23:59:59Z",
        ])
        #expect(groupRows(u1.genrePreferences(items: items, entries: movies)) == ["drama 1 130.0", "comedy 2 100.0"])
    }

    @Test("a user without history has an empty profile")
    func emptyProfile() throws {
        let model = try ProfileData.catalog.model()
        let u2 = model.profile(user: model.user("u2")!)
        #expect(u2.history.isEmpty)
        #expect(u2.eventCount == 0 && u2.totalScore == 0)
        #expect(u2.genrePreferences(items: model.dataset.items).isEmpty)
        #expect(u2.contentBreakdown(items: model.dataset.items).isEmpty)
        #expect(u2.moviesOnly(items: model.dataset.items).isEmpty)
    }

    @Test("random data sets: histories, event counts and last watches agree with the events", arguments: [61, 62] as [UInt64])
    func randomHistories(seed: UInt64) throws {
        let catalog = TestCatalog.random(seed: seed, users: 40, items: 30, events: 500, duplicateColumns: 2)
        let model = try catalog.model()
        let reference = catalog.reference()
        for (u, user) in model.dataset.users.enumerated() {
            let mine = catalog.events.filter { $0.user == user.id }
            let r = reference.history(user.id)
            // r descending, then ID order; r sums its terms in ascending order on both sides, so the order is exact.
            let expectedOrder = r.keys.sorted { r[$0]! != r[$1]! ? r[$0]! > r[$1]! : ReferenceIDOrder.less($0, $1) }
            let profile = model.profile(user: u)
            #expect(profile.history.map { model.dataset.items[Int($0.item)].id } == expectedOrder, "\(user.id)")
            for entry in profile.history {
                let id = model.dataset.items[Int(entry.item)].id
                let events = mine.filter { $0.item == id }
                #expect(entry.events == events.count)
                #expect(approx(entry.score, r[id]!))
                // The generated timestamps are all UTC and fixed-width: the largest string is the latest.
                #expect(Timestamp(seconds: entry.lastWatched).iso8601 == events.map(\.timestamp).max()!)
            }
            #expect(profile.eventCount == mine.count)
        }
    }
}
