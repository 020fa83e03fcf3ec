import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Known changes to `ChangeFixture`'s data and the exact reports they give.
/// The numbers are worked out by hand in each test's comment.
@Suite struct ChangeReportTests {
    static let base = try! ChangeFixture.summary()

    /// The report's sections that say "nothing here", in order.
    static let quietInputs = "Inputs and settings\n===================\nThe same input facts and settings.\n"
    static let quietPeople = "Users and items\n===============\nNo user or item was added, removed or changed.\n"
    static let quietExposure = """
        Exposure and popularity
        =======================
        Every item is recommended to as many users as before.
        No popularity rank changed.

        """

    @Test func shuffledRowsAreNoChange() throws {
        let shuffled = try ChangeFixture.summary(
            users: "user_id,name\nu3,Cy\nu1,Ann\nu2,Bo\n",
            items: "item_id,title,content_type,genre\ni4,Delta,anime,anime\ni2,Beta,movie,drama\n"
                + "i1,Alpha,movie,action\ni3,Gamma,series,drama\n",
            events: "user_id,item_id,event_type,watch_seconds,timestamp\n"
                + "u3,i4,play,10.0,2025-01-06T00:00:00Z\nu2,i3,play,10,2025-01-04\nu1,i2,play,10,2025-01-02\n"
                + "u3,i2,play,10,2025-01-05\nu1,i1,play,1e1,2025-01-01\nu2,i1,play,10,2025-01-03\n")
        #expect(shuffled.json() == Self.base.json())
        #expect(BuildComparison(old: Self.base, new: shuffled).isEmpty)
        #expect(ChangeFixture.report(Self.base, shuffled) == """
            Changes from old to new

            No change: both builds computed the same results from the same facts and settings.

            \(Self.quietInputs)
            \(Self.quietPeople)
            Recommendations (top 2)
            =======================
            Top 2 changed for 0 of 3 users in both builds.
            No score moved on an unchanged list.

            \(Self.quietExposure)
            """)
        #expect(ChangeFixture.json(Self.base, shuffled).contains("\"changed\": false"))
    }

    /// A title is a fact of items.csv only: no number moves.
    @Test func renamedTitle() throws {
        let renamed = try ChangeFixture.summary(items: ChangeFixture.items.replacingOccurrences(of: "Beta", with: "Beta II"))
        #expect(ChangeFixture.report(Self.base, renamed) == """
            Changes from old to new

            Top 2 changed for 0 of 3 users; scores moved on an unchanged list for 0.

            Inputs and settings
            ===================
            Input files whose facts or counts changed:
              File       Rows  Kept  Kept facts  Cleansing counts
              ---------  ----  ----  ----------  ----------------
              items.csv     4     4  changed     same

            Users and items
            ===============
            Items whose row changed (title, content type or genre):
              Item  Old title  New title
              ----  ---------  ---------
              i2    Beta       Beta II

            Recommendations (top 2)
            =======================
            Top 2 changed for 0 of 3 users in both builds.
            No score moved on an unchanged list.

            \(Self.quietExposure)
            """)
        let json = try Self.object(ChangeFixture.json(Self.base, renamed))
        #expect((json["items"] as? [String: Any])?["changed"] as? [[String: String]]
            == [["item_id": "i2", "old_title": "Beta", "new_title": "Beta II"]])
        #expect((json["score_moves"] as? [Any])?.isEmpty == true)
    }

    /// Doubling the play weight doubles every r exactly: cosine similarity
    /// does not change, so every score doubles (+100%) and no list moves.
    @Test func changedWeight() throws {
        var weights = EventWeights.standard
        try weights.set("play", 2)
        let heavier = try ChangeFixture.summary(weights: weights)
        #expect(ChangeFixture.report(Self.base, heavier) == """
            Changes from old to new

            Top 2 changed for 0 of 3 users; scores moved on an unchanged list for 3; 1 setting changed.

            Inputs and settings
            ===================
            Settings:
              Setting         Old  New
              --------------  ---  ---
              weight of play  1.0  2.0

            \(Self.quietPeople)
            Recommendations (top 2)
            =======================
            Top 2 changed for 0 of 3 users in both builds.
            Scores moved on an unchanged list for 3 users; the largest relative move is 100.0% (u1, Gamma (i3): 7.0711 → 14.1421).
            Largest score moves on unchanged lists:
              User  Item           Old      New    Move
              ----  ----------  ------  -------  ------
              u1    Gamma (i3)  7.0711  14.1421  100.0%
              u2    Beta (i2)   5.0000  10.0000  100.0%
              u3    Alpha (i1)  5.0000  10.0000  100.0%

            \(Self.quietExposure)
            """)
        let moves = try #require(try Self.object(ChangeFixture.json(Self.base, heavier))["score_moves"] as? [[String: Any]])
        #expect(moves.map { $0["relative"] as? Double } == [1, 1, 1])
        // Scaling by 2 is exact in binary, so every new score is exactly twice the old.
        #expect(moves.allSatisfy { ($0["new"] as? Double) == 2 * ($0["old"] as! Double) })
    }

    /// An item nobody watched ranks last and fills no list of two.
    @Test func newItem() throws {
        let added = try ChangeFixture.summary(items: ChangeFixture.items + "i5,Epsilon,movie,comedy\n")
        #expect(ChangeFixture.report(Self.base, added) == """
            Changes from old to new

            Top 2 changed for 0 of 3 users; scores moved on an unchanged list for 0; 1 item added, 0 removed.

            Inputs and settings
            ===================
            Input files whose facts or counts changed:
              File        Rows   Kept  Kept facts  Cleansing counts
              ---------  -----  -----  ----------  ----------------
              items.csv  4 → 5  4 → 5  changed     same

            Users and items
            ===============
            Items added (1): Epsilon (i5).

            Recommendations (top 2)
            =======================
            Top 2 changed for 0 of 3 users in both builds.
            No score moved on an unchanged list.

            \(Self.quietExposure)
            """)
        #expect(added.items.last?.rank == 5)
    }

    /// u1 likes i1 for 2 s: r(u1,i1) = 10 + 2 × 2.5 = 15, so ‖i1‖ = √325 and
    /// sim(i1,i3) = 100/(10√325), sim(i1,i2) = 150/(√325 · 10√2). u1's i3
    /// becomes 15 · sim(i1,i3) = 8.3205; u2's i2 and u3's i1 become
    /// 10 · sim(i1,i2) = 5.8835: all +17.7%, no list moves.
    @Test func addedEvent() throws {
        let more = try ChangeFixture.summary(events: ChangeFixture.events + "u1,i1,like,2,2025-01-07\n")
        let simI1I3 = 100 / (10 * 325.0.squareRoot()), simI1I2 = 150 / (325.0.squareRoot() * 10 * 2.0.squareRoot())
        #expect(NumberFormat.score(15 * simI1I3) == "8.3205" && NumberFormat.score(10 * simI1I2) == "5.8835")
        #expect(ChangeFixture.report(Self.base, more) == """
            Changes from old to new

            Top 2 changed for 0 of 3 users; scores moved on an unchanged list for 3.

            Inputs and settings
            ===================
            Input files whose facts or counts changed:
              File         Rows   Kept  Kept facts  Cleansing counts
              ----------  -----  -----  ----------  ----------------
              events.csv  6 → 7  6 → 7  changed     same

            Users and items
            ===============
            Kept events changed for 1 user (+1 / −0 events; a changed event counts as neither):
              User  Events
              ----  ------
              u1     2 → 3

            Recommendations (top 2)
            =======================
            Top 2 changed for 0 of 3 users in both builds.
            Scores moved on an unchanged list for 3 users; the largest relative move is 17.7% (u1, Gamma (i3): 7.0711 → 8.3205).
            Largest score moves on unchanged lists:
              User  Item           Old     New   Move
              ----  ----------  ------  ------  -----
              u1    Gamma (i3)  7.0711  8.3205  17.7%
              u2    Beta (i2)   5.0000  5.8835  17.7%
              u3    Alpha (i1)  5.0000  5.8835  17.7%

            \(Self.quietExposure)
            """)
        let moves = try #require(try Self.object(ChangeFixture.json(Self.base, more))["score_moves"] as? [[String: Any]])
        for (move, expected) in zip(moves, [15 * simI1I3, 10 * simI1I2, 10 * simI1I2]) {
            #expect(abs((move["new"] as! Double) - expected) <= 1e-12 * expected)
        }
    }

    /// Without u3, i4 has no viewer: u1's i4 stays at #2 as popular fill,
    /// and ‖i2‖ = 10 makes u2's i2 10/√2 = 7.0711 (+41.4%). i1 was only
    /// u3's, i3 u1's and u3's recommendation.
    @Test func removedUser() throws {
        let fewer = try ChangeFixture.summary(
            users: "user_id,name\nu1,Ann\nu2,Bo\n",
            events: ChangeFixture.events.components(separatedBy: "\n").filter { !$0.hasPrefix("u3,") }.joined(separator: "\n"))
        #expect(ChangeFixture.report(Self.base, fewer) == """
            Changes from old to new

            Top 2 changed for 1 of 2 users; scores moved on an unchanged list for 1; 0 users added, 1 removed.

            Inputs and settings
            ===================
            Input files whose facts or counts changed:
              File         Rows   Kept  Kept facts  Cleansing counts
              ----------  -----  -----  ----------  ----------------
              users.csv   3 → 2  3 → 2  changed     same
              events.csv  6 → 4  6 → 4  changed     same

            Users and items
            ===============
            Users removed (1): u3.

            Recommendations (top 2)
            =======================
            Top 2 changed for 1 of 2 users in both builds.
            The most moved lists (items in and out first, then rank distance):
              User  Entered  Left  Rank moves
              ----  -------  ----  -----------------------------------
              u1                   Delta (i4) #2→#2 (now popular fill)
            Scores moved on an unchanged list for 1 user; the largest relative move is 41.4% (u2, Beta (i2): 5.0000 → 7.0711).
            Largest score moves on unchanged lists:
              User  Item          Old     New   Move
              ----  ---------  ------  ------  -----
              u2    Beta (i2)  5.0000  7.0711  41.4%

            Exposure and popularity
            =======================
            Items recommended to more or fewer users (2):
              Item        Users  Change
              ----------  -----  ------
              Gamma (i3)  2 → 1      −1
              Alpha (i1)  1 → 0      −1
            No popularity rank changed.

            """)
        let json = try Self.object(ChangeFixture.json(Self.base, fewer))
        #expect((json["users"] as? [String: Any])?["removed"] as? [String] == ["u3"])
        let lists = try #require(json["lists_changed"] as? [[String: Any]])
        #expect(lists.count == 1 && lists[0]["user_id"] as? String == "u1")
        #expect((lists[0]["moved"] as? [[String: Any]])?.first?["new_source"] as? String == "popular")
        #expect((json["exposure"] as? [[String: Any]])?.map { $0["item_id"] as! String } == ["i3", "i1"])
    }

    /// A summary read back is the summary written, bit for bit.
    @Test func summaryRoundTrips() throws {
        let text = Self.base.json()
        let read = try BuildSummary(json: Data(text.utf8), source: "build.json")
        #expect(read == Self.base)
        #expect(read.json() == text)
        #expect(throws: RecSiteError.invalidSummary(path: "x.json", reason: "missing \"format\"")) {
            _ = try BuildSummary(json: Data("{}".utf8), source: "x.json")
        }
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}
