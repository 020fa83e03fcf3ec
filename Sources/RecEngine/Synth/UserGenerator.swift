/// Makes the viewers `u1…uN`: Indonesian names, ages 13–70 leaning young,
/// gender m/f, regions weighted by population.
enum UserGenerator {
    /// - Complexity: O(count).
    static func make(count: Int, random: inout SeededRandom) -> [UserRow] {
        var rows: [UserRow] = []
        rows.reserveCapacity(count)
        for number in 1...count {
            rows.append(person(id: "u\(number)", random: &random))
        }
        return rows
    }

    /// One made-up viewer.
    static func person(id: String, random: inout SeededRandom) -> UserRow {
        let female = random.chance(0.52)
        let given = random.pick(female ? PeopleVocabulary.femaleNames : PeopleVocabulary.maleNames)
        // Many Indonesians go by one name.
        let name = random.chance(0.12) ? given : given + " " + random.pick(PeopleVocabulary.familyNames)
        let region = PeopleVocabulary.regions[regionTable.draw(&random)].name
        return UserRow(id: id, name: name, age: age(&random), gender: female ? "f" : "m", region: region)
    }

    private static let regionTable = WeightedTable(PeopleVocabulary.regions.map(\.weight))

    /// 13–70, most viewers between 18 and 40; 2 % leave it empty.
    private static func age(_ random: inout SeededRandom) -> String {
        if random.chance(0.02) { return "" }
        let u = random.unit()
        let skewed = 0.45 * u + 0.55 * u * u  // more young viewers than old
        let age = 13 + Int(skewed * 58)
        return String(min(age, 70))
    }
}
