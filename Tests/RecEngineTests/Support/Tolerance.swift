/// SPEC §5: results agree within 1e-9, relative, and absolute near zero.
let specTolerance = 1e-9

func approx(_ a: Double, _ b: Double, tolerance: Double = specTolerance) -> Bool {
    if a == b { return true }
    let difference = abs(a - b)
    return difference <= tolerance || difference <= tolerance * max(abs(a), abs(b))
}

/// Compares strings by their exact UTF-8 bytes: Swift's `==` treats canonically
/// equivalent strings ("é" and "e\u{301}") as equal, SPEC §7 does not.
func bytes(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }
