/// SPEC §7's ID order, written again from the text for the tests, on Unicode
/// scalar values (never on Swift's canonical `String <`, never on the engine).
enum ReferenceIDOrder {
    static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    static func compare(_ a: String, _ b: String) -> Int {
        let (prefixA, digitsA) = split(a)
        let (prefixB, digitsB) = split(b)
        let byPrefix = lexicographic(prefixA, prefixB)
        if byPrefix != 0 { return byPrefix }
        switch (digitsA, digitsB) {
        case (nil, .some): return -1
        case (.some, nil): return 1
        case let (x?, y?):
            let byNumber = compareNumbers(x, y)
            if byNumber != 0 { return byNumber }
        case (nil, nil): break
        }
        return lexicographic(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// The prefix as code points and the trailing run of ASCII digits, if any.
    static func split(_ id: String) -> (prefix: [UInt32], digits: [UInt32]?) {
        var scalars = id.unicodeScalars.map(\.value)
        var digits: [UInt32] = []
        while let last = scalars.last, (48...57).contains(last) {
            digits.insert(last, at: 0)
            scalars.removeLast()
        }
        return (scalars, digits.isEmpty ? nil : digits)
    }

    /// Two digit runs as non-negative integers of any size.
    static func compareNumbers(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let x = Array(a.drop { $0 == 48 }), y = Array(b.drop { $0 == 48 })
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        return lexicographic(x, y)
    }

    static func lexicographic(_ a: [UInt32], _ b: [UInt32]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
