import RecSite
import Testing

@Suite("IDSuggestions")
struct IDSuggestionsTests {
    @Test func closestByEditDistanceThenIDOrder() {
        let ids = ["u1", "u2", "u10", "u100", "v1", "item7"]
        #expect(IDSuggestions.closest(to: "u1000", among: ids) == ["u100", "u10", "u1"])
        #expect(IDSuggestions.closest(to: "U2", among: ids, limit: 1) == ["u2"])
        #expect(IDSuggestions.closest(to: "x", among: [], limit: 3).isEmpty)
    }
}
