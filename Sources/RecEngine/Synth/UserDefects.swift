/// `--dirty` for users.csv: extra rows that SPEC §2 drops (malformed,
/// missing user_id, duplicate user_id) and in-place damage that cleansing
/// flags or undoes (invalid ages, upper-case gender, padded fields).
enum UserDefects {
    static let invalidAges = ["abc", "-3", "130", "1e3", "25.5", "tiga puluh", "121", "-1"]

    /// - Parameters:
    ///   - users: all rows; only `editable` ones (generated, not story) change.
    /// - Returns: the extra rows, positioned among `users`.
    /// - Complexity: O(users).
    static func apply(to users: inout [UserRow], editable: [Int], random: inout SeededRandom) -> DirtyInsertions {
        let targets = shuffled(editable.isEmpty ? Array(users.indices) : editable, &random)
        var extra = DirtyInsertions()
        for j in 0..<DirtyInsertions.quota(rows: users.count, kinds: KeyedRowDefect.allCases.count) {
            let other = UserGenerator.person(id: "u\(users.count + 1 + j)", random: &random)
            let anywhere = random.int(in: 0...users.count)
            switch KeyedRowDefect.of(row: j) {
            case .tooFewFields:
                extra.add(at: anywhere, fields: Array(other.fields.prefix(4)))
            case .extraField:
                extra.add(at: anywhere, fields: other.fields + ["premium"])
            case .strayComma:
                // "Family, Given" written without quotes: one field too many.
                let parts = other.name.split(separator: " ")
                let name = parts.count > 1 ? "\(parts[1]), \(parts[0])" : "\(other.name), S.Kom"
                extra.add(at: anywhere, line: "\(other.id),\(name),\(other.age),\(other.gender),\(other.region)")
            case let defect:
                extra.add(other.fields, spoilingItsID: defect, anywhere: anywhere, blank: "   ") { padded in
                    let original = targets[j % targets.count]
                    return (padded ? " \(users[original].id) " : users[original].id,
                            after(original, count: users.count, &random))
                }
            }
        }
        // Kept rows: the row stays, so counts do not change.
        let ageCount = max(invalidAges.count, (users.count + 100) / 200)
        for (n, u) in targets.prefix(ageCount).enumerated() { users[u].age = invalidAges[n % invalidAges.count] }
        let cosmetic = max(3, users.count / 100)
        for u in targets.dropFirst(ageCount).prefix(cosmetic) { users[u].gender = users[u].gender.uppercased() }
        for u in targets.dropFirst(ageCount + cosmetic).prefix(cosmetic) {
            users[u].name = "  \(users[u].name) "
            users[u].region = " \(users[u].region)"
        }
        return extra
    }

    static func shuffled(_ indices: [Int], _ random: inout SeededRandom) -> [Int] {
        var copy = indices
        random.shuffle(&copy)
        return copy
    }

    /// A position soon after row `original`, so "first wins" keeps the original.
    static func after(_ original: Int, count: Int, _ random: inout SeededRandom) -> Int {
        original + 1 + random.below(min(40, count - original))
    }
}
