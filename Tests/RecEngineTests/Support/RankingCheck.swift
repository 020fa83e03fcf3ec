/// How two entries compare on one sort key, given the engine's exact values
/// and the reference's values.
enum KeyVerdict {
    /// a has to come first.
    case first
    /// b has to come first.
    case second
    /// The values tie within the tolerance without being equal: either order.
    case free
    /// Exactly equal: the next key decides.
    case next

    /// A descending floating-point key. The engine's exact tie means the next
    /// key decides; a near tie (SPEC §5's tolerance) allows either order.
    static func descending(engine ea: Double, _ eb: Double, reference ra: Double, _ rb: Double) -> KeyVerdict {
        if ea == eb { return .next }
        if approx(ra, rb) { return .free }
        return ra > rb ? .first : .second
    }

    static func descending(_ a: Int, _ b: Int) -> KeyVerdict {
        a == b ? .next : (a > b ? .first : .second)
    }
}

/// Whether a must precede b: the first key that is not `.next` decides; when
/// all keys are exactly equal, ID order (reference implementation) decides.
func mustPrecede(_ a: String, _ b: String, _ keys: [KeyVerdict]) -> Bool {
    for key in keys {
        switch key {
        case .first: return true
        case .second, .free: return false
        case .next: continue
        }
    }
    return ReferenceIDOrder.less(a, b)
}

/// Problems with `actual` as the top `limit` of `eligible` under a ranking
/// whose near-ties may come in either order: `mustPrecede(a, b)` is true
/// when a has to be ranked before b. Empty when `actual` is a valid answer.
func rankingProblems(
    actual: [String], eligible: [String], limit: Int, mustPrecede: (String, String) -> Bool
) -> [String] {
    var problems: [String] = []
    let eligibleSet = Set(eligible.map { Array($0.utf8) })
    let actualSet = Set(actual.map { Array($0.utf8) })
    if actualSet.count != actual.count { problems.append("repeated entries in \(actual)") }
    for x in actual where !eligibleSet.contains(Array(x.utf8)) { problems.append("\(x) is not eligible") }
    let expectedCount = max(0, min(limit, eligibleSet.count))
    if actual.count != expectedCount {
        problems.append("\(actual.count) entries, expected \(expectedCount): \(actual)")
    }
    for i in actual.indices {
        for j in actual.indices where j > i && mustPrecede(actual[j], actual[i]) {
            problems.append("\(actual[j]) must come before \(actual[i]) in \(actual)")
        }
    }
    for e in eligible where !actualSet.contains(Array(e.utf8)) {
        if let x = actual.first(where: { mustPrecede(e, $0) }) {
            problems.append("\(e) is missing but ranks before \(x) in \(actual)")
        }
    }
    return problems
}
