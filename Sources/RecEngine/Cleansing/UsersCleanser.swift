/// Applies SPEC §2's users.csv rules in order.
enum UsersCleanser {
    static func cleanse<Source: RowSource>(_ source: inout Source) throws -> ([User], FileCleansing) {
        let idColumn = try source.required("user_id")
        let name = source.optional("name"), age = source.optional("age")
        let gender = source.optional("gender"), region = source.optional("region")
        var report = FileCleansing(file: source.name, unit: source.locationUnit)
        var users: [User] = []
        source.forEachIdentifiedRow(idColumn: idColumn, missing: .missingUserID, duplicate: .duplicateUserID,
                                   report: &report) { id, row, raw, report in
            var parsedAge: Int?
            if let age, !row.isEmpty(age) {
                parsedAge = row.withTrimmedField(age) { AgeValue.parse($0) }
                if parsedAge == nil { report.record(.invalidAge, line: row.location.line, raw: raw()) }
            }
            users.append(User(
                id: id,
                name: name.map { row.string($0) } ?? "",
                age: parsedAge,
                gender: gender.map { row.string($0).lowercased() } ?? "",
                region: region.map { row.string($0) } ?? ""
            ))
        }
        return (users, report)
    }
}
