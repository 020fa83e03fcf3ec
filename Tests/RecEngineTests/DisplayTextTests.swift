import Testing
@testable import RecEngine

/// Issue 17, class 6: the cut of a long data string (docs/rules.md, "Long text").
@Suite("Capping long text")
struct DisplayTextTests {
    @Test("up to the limit a string is kept whole")
    func shortKept() {
        #expect(DisplayText.capped("") == "")
        #expect(DisplayText.capped("Gundala") == "Gundala")
        let exactly = String(repeating: "a", count: 200)
        #expect(DisplayText.capped(exactly) == exactly)
        #expect(DisplayText.capped("abcd", limit: 4) == "abcd")
    }

    @Test("a longer string keeps limit − 1 characters and ends in …")
    func longCut() {
        let long = String(repeating: "a", count: 201)
        #expect(DisplayText.capped(long) == String(repeating: "a", count: 199) + "…")
        #expect(DisplayText.capped("abcde", limit: 4) == "abc…")
        #expect(DisplayText.capped(String(repeating: "x", count: 200_000)).count == 200)
    }

    @Test("the cut falls between grapheme clusters, never inside a UTF-8 sequence")
    func graphemeBoundary() {
        // 🇮🇩 is two scalars (8 bytes), é here is e + U+0301, 👩‍👩‍👧 is five scalars.
        let flags = String(repeating: "🇮🇩", count: 5)
        #expect(DisplayText.capped(flags, limit: 3) == "🇮🇩🇮🇩…")
        let accents = String(repeating: "e\u{301}", count: 5)
        #expect(DisplayText.capped(accents, limit: 4) == "e\u{301}e\u{301}e\u{301}…")
        let family = "👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧"
        #expect(DisplayText.capped(family, limit: 2) == "👩‍👩‍👧…")
        // 4-byte scalars: more bytes than the limit, but only 3 characters.
        #expect(DisplayText.capped("𝄞𝄞𝄞", limit: 3) == "𝄞𝄞𝄞")
    }

    @Test("dropped-row examples keep at most 300 characters")
    func exampleCap() throws {
        let title = String(repeating: "t", count: 10_000)
        let dataset = try TestFiles.loadEvents(["u1,i1,play,\(title),2025-01-01"])
        let example = try #require(dataset.report.events.examples[.invalidWatchSeconds]?.first)
        #expect(example.raw == "u1,i1,play," + String(repeating: "t", count: 288) + "…")
        #expect(example.raw.count == DisplayText.exampleLimit)
    }
}
