/// The hand-made data set of the engine tests (3 users with positive
/// interactions × 4 watched items, plus edge cases), with r(u,i):
///
///            i1   i2   i3   i4   i5
///     u1      3    1    ·    ·    ·      i1: play 2 + pause 2 → 2 + 1
///     u2      1    0    2    ·    ·      i2: a zero-second play → in H(u2), r = 0; i3: save 1 → 2
///     u3      ·    2    1    4    ·      i4: complete 1 + play 1 → 3 + 1
///     u4      ·    ·    ·    ·    ·      no history
///     u5      ·    ·    0    ·    ·      only a zero-second event
///
/// Column norms: ‖i1‖ = √10, ‖i2‖ = √5, ‖i3‖ = √5, ‖i4‖ = 4, ‖i5‖ = 0.
/// Cosines, by hand:
///     sim(i1,i2) = 3·1 / (√10·√5) = 3/(5√2)     sim(i1,i3) = 1·2 / (√10·√5) = 2/(5√2)
///     sim(i2,i3) = 2·1 / (√5·√5)  = 2/5         sim(i2,i4) = 2·4 / (√5·4)   = 2/√5
///     sim(i3,i4) = 1·4 / (√5·4)   = 1/√5        sim(i1,i4) = 0, sim(·,i5) = 0
enum HandMade {
    static let sqrt2 = 2.0.squareRoot(), sqrt5 = 5.0.squareRoot()
    static let sim12 = 3 / (5 * sqrt2), sim13 = 2 / (5 * sqrt2), sim23 = 2.0 / 5
    static let sim24 = 2 / sqrt5, sim34 = 1 / sqrt5

    static var catalog: TestCatalog {
        var c = TestCatalog()
        c.users = ["u3", "u1", "u5", "u2", "u4"]
        c.items = [
            .init(id: "i4", contentType: "documentary", genre: "nature"),
            .init(id: "i1", contentType: "movie", genre: "drama"),
            .init(id: "i2", contentType: "series", genre: "comedy"),
            .init(id: "i5", contentType: "movie", genre: "comedy"),
            .init(id: "i3", contentType: "movie", genre: "drama"),
        ]
        c.event("u1", "i1", "play", 2)
        c.event("u1", "i1", "pause", 2)
        c.event("u1", "i2", "play", 1)
        c.event("u2", "i1", "play", 1)
        c.event("u2", "i2", "play", 0)
        c.event("u2", "i3", "save", 1)
        c.event("u3", "i2", "play", 2)
        c.event("u3", "i3", "play", 1)
        c.event("u3", "i4", "complete", 1)
        c.event("u3", "i4", "play", 1)
        c.event("u5", "i3", "play", 0)
        return c
    }
}

/// A data set built so that contributions tie exactly (all values are
/// dyadic and the norms are 2, 4 and 8), to check the breakdown's tie-breaks:
///
///             a1   b20   b9   b10
///     A        2     2    2     2
///     B        ·     6    2     2
///     C        ·     2    2     2
///     D        ·     2    ·     ·
///     T        ·     4    2     2
///
/// ‖a1‖ = 2, ‖b20‖ = 8, ‖b9‖ = ‖b10‖ = 4 (b9 and b10 are the same column).
/// sim(a1,b20) = 4/16 = 1/4, sim(a1,b9) = sim(a1,b10) = 4/8 = 1/2,
/// sim(b20,b9) = sim(b20,b10) = (4+12+4+8)/32 = 7/8, sim(b9,b10) = 1.
/// For T and a1: c(b20) = 1/4·4 = 1, c(b9) = c(b10) = 1/2·2 = 1: a three-way tie
/// in c, broken by r (b20 first), then by ID order (b9 before b10).
enum TieData {
    static var catalog: TestCatalog {
        var c = TestCatalog()
        c.users = ["T", "A", "B", "C", "D"]
        c.items = [.init(id: "b10"), .init(id: "a1"), .init(id: "b9"), .init(id: "b20")]
        c.event("A", "a1", "play", 2)
        for (user, r20, r9) in [("A", 2.0, 2.0), ("B", 6, 2), ("C", 2, 2), ("D", 2, 0), ("T", 4, 2)] {
            c.event(user, "b20", "play", r20)
            if r9 > 0 {
                c.event(user, "b9", "play", r9)
                c.event(user, "b10", "play", r9)
            }
        }
        return c
    }
}
