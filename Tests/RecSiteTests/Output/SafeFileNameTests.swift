import RecSite
import Testing

@Suite("SafeFileName (SPEC §9)")
struct SafeFileNameTests {
    @Test(arguments: ["u1", "u-2", "a.b_c-9", "x..y", "console", "com10", "lpt", "nulls"])
    func safeIDsAreUsedAsTheyAre(_ id: String) {
        #expect(SafeFileName.forID(id) == id)
    }

    /// Names a copy to macOS or Windows would lose or refuse: capitals (two IDs
    /// differing in case would share a file on a case-insensitive disk),
    /// device names, a leading `-`.
    @Test(arguments: ["U1", "INDEX", "Index", "con", "CON", "nul.txt", "aux", "com1", "lpt9", "-rf", "prn.x.y"])
    func namesThatDoNotTravelAreHashed(_ id: String) {
        let name = SafeFileName.forID(id)
        #expect(name.contains("~"), "\(id) → \(name)")
        #expect(!name.hasPrefix("-") && !name.hasPrefix("."))
    }

    /// A hashed name keeps the ID's case and dots, so `con.X` became
    /// `con.X~…`: a device name with an extension, which Windows refuses
    /// (found by the file-name fuzz target). Such names get a leading `_`.
    @Test(arguments: [("con.X", "_con.X~"), ("CON.txt", "_CON.txt~"), ("Nul.a.b", "_Nul.a.b~"), ("lpt1.Q", "_lpt1.Q~"),
                      ("CON", "CON~"), ("conX.y", "conX.y~")])
    func hashedNamesAreNoDeviceNames(id: String, start: String) {
        let name = SafeFileName.forID(id)
        #expect(name.hasPrefix(start), "\(id) → \(name)")
        let base = name.lowercased().split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        #expect(!["con", "prn", "aux", "nul", "lpt1"].contains(base))
    }

    @Test func caseVariantsNeverShareANameEvenIgnoringCase() {
        let ids = ["u1", "U1", "Ab", "aB", "AB", "ab", "INDEX", "Index", "index"]
        let names = ids.map { SafeFileName.forID($0).lowercased() }
        #expect(Set(names).count == ids.count)
    }

    /// The hash is SHA-256's first 128 bits: the published digest of "abc" starts ba7816bf8f01cfea414140de5dae2223.
    @Test func theHashIsSHA256() {
        #expect(SafeFileName.hashedName("abc") == "abc~ba7816bf8f01cfea414140de5dae2223")
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
            #expect(name.utf8.count <= 40 * 4 + 33)
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
        #expect(SitePaths.item("Index").hasPrefix("items/Index~"))
    }
}
