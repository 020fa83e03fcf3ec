/// Applies SPEC §2's users.csv rules in order.
enum UsersCleanser {
    static func cleanse(_ table: inout CSVTable) throws -> ([User], FileCleansing) {
        let idColumn = try table.required("user_id")
        let name = table.optional("name"), age = table.optional("age")
        let gender = table.optional("gender"), region = table.optional("region")
        var report = FileCleansing(file: table.fileName)
        var users: [User] = []
        table.forEachIdentifiedRow(idColumn: idColumn, missing: .missingUserID, duplicate: .duplicateUserID,
                                   report: &report) { id, row, raw, report in
            var parsedAge: Int?
            if let age, !row.isEmpty(age) {
                parsedAge = row.withTrimmedField(age) { AgeValue.parse($0) }
                if parsedAge == nil { report.record(.invalidAge, line: row.line, raw: raw()) }
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
