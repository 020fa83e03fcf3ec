import RecSite
import Testing

@Suite("SafeFileName (SPEC §9)")
struct SafeFileNameTests {
    @Test(arguments: ["u1", "U-2", "a.b_c-9", "x..y"])
    func safeIDsAreUsedAsTheyAre(_ id: String) {
        #expect(SafeFileName.forID(id) == id)
    }

    @Test(arguments: ["../etc/passwd", ".hidden", "a/b", "with space", "Siti Nurhaliza ü", "", "~u1", "..", "a\u{0}b"])
    func otherIDsGetSafeUniqueNames(_ id: String) {
        let name = SafeFileName.forID(id)
        #expect(!name.contains("/"))
        #expect(!name.hasPrefix("."))
        #expect(name.contains("~"))
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
        #expect(SafeFileName.forID(id) == name)
    }

    @Test func longIDsGetShortNames() {
        let plain = String(repeating: "a", count: SafeFileName.maxPlainLength)
        #expect(SafeFileName.forID(plain) == plain)
        for id in [plain + "a", String(repeating: "long", count: 75), String(repeating: "é", count: 300)] {
            let name = SafeFileName.forID(id)
            #expect(name.contains("~"))
            #expect(name.utf8.count <= 40 * 4 + 17)
        }
        #expect(SafeFileName.forID(plain + "a") != SafeFileName.forID(plain + "b"))
    }

    @Test func differentUnsafeIDsNeverShareAName() {
        let ids = ["a b", "a_b", "a/b", "a\\b", "é", "e\u{301}", "a b ", " a b"]
        let names = ids.map(SafeFileName.forID)
        #expect(Set(names).count == ids.count)
    }
}

@Suite("SitePaths")
struct SitePathsTests {
    @Test func anIDNamedIndexCannotOverwriteTheIndexPages() {
        #expect(SitePaths.user("index") != SitePaths.usersIndex)
        #expect(SitePaths.item("index") != SitePaths.itemsIndex)
        #expect(SitePaths.user("index").hasPrefix("users/index~"))
        #expect(SitePaths.user("u1") == "users/u1.md")
        #expect(SitePaths.item("Index") == "items/Index.md")
    }
}
