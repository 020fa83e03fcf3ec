import Testing

/// Issue 17, class 14: a mistyped title or command gets the closest ones
/// suggested (edit distance, case-insensitive).
@Suite("did you mean")
struct SuggestionTests {
    /// Edit distances from "bleu lock" (by hand): "blue lock" 2 (swap e/u);
    /// "the glory" and "free solo" 6 each (ties in ID order: i32 before i89).
    @Test func aMistypedTitleGetsTheClosestTitles() throws {
        let result = try RecsiteProcess.run(["explain", "u1", "Bleu Lock", "--data", "data"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: unknown item 'Bleu Lock' (no item ID, title or title prefix matches); "
            + "closest: Blue Lock (i63), The Glory (i32), Free Solo (i89)\n")
    }

    @Test func aMistypedIDStillFindsItsItem() throws {
        let result = try RecsiteProcess.run(["explain", "u1", "i2500", "--data", "data"])
        #expect(result.status == 1)
        // "i2500" is 1 edit from the IDs i200 and i250, 2 from i20 (ID order
        // breaks the ties); every title is farther.
        #expect(result.stderr.hasSuffix("closest: Dandadan S1E1 (i200), Inception Part 2 (i250), Queen of Tears (i20)\n"),
                "\(result.stderr)")
    }

    @Test(arguments: [("recomend", "recommend"), ("biuld", "build"), ("Check", "check"), ("explian", "explain"),
                      ("popluar", "popular")])
    func aMistypedCommandGetsTheClosest(typed: String, meant: String) throws {
        let result = try RecsiteProcess.run([typed, "u1"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: unknown command '\(typed)'; did you mean '\(meant)'?\n"), "\(result.stderr)")
    }

    @Test func aWordFarFromEveryCommandListsThemAll() throws {
        let result = try RecsiteProcess.run(["xyzzy"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: unknown command 'xyzzy'; the commands are check, user, movies, explain, "))
    }

    @Test func knownCommandsAndOptionsAreUntouched() throws {
        #expect(try RecsiteProcess.run(["--version"]).status == 0)
        #expect(try RecsiteProcess.run(["help"]).status == 0)
        #expect(try RecsiteProcess.run(["user", "u1", "--data", "data"]).status == 0)
    }
}
