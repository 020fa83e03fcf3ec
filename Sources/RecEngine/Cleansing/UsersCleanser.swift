/// Applies SPEC §2's users.csv rules in order.
enum UsersCleanser {
    static func cleanse(_ table: inout CSVTable) throws -> ([User], FileCleansing) {
        let idColumn = try table.required("user_id")
        let name = table.optional("name"), age = table.optional("age")
        let gender = table.optional("gender"), region = table.optional("region")
        var report = FileCleansing(file: table.fileName)
        var users: [User] = []
        var seen = Set<IDKey>()  // by bytes: "é" and "e\u{301}" are two IDs
        var row = CSVRecord()
        while table.reader.next(into: &row) {
            report.rowsRead += 1
            guard row.count == table.fieldCount, !row.unterminatedQuote else {
                report.record(.malformedRow, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            let id = row.string(idColumn)
            guard !id.isEmpty else { report.record(.missingUserID, line: row.line, raw: table.reader.rawText(of: row)); continue }
            guard seen.insert(IDKey(id)).inserted else { report.record(.duplicateUserID, line: row.line, raw: table.reader.rawText(of: row)); continue }
            var parsedAge: Int?
            if let age, !row.isEmpty(age) {
                parsedAge = row.withTrimmedField(age) { AgeValue.parse($0) }
                if parsedAge == nil { report.record(.invalidAge, line: row.line, raw: table.reader.rawText(of: row)) }
            }
            users.append(User(
                id: id,
                name: name.map { row.string($0) } ?? "",
                age: parsedAge,
                gender: gender.map { row.string($0).lowercased() } ?? "",
                region: region.map { row.string($0) } ?? ""
            ))
            table.noteInvalidUTF8(row, in: &report)
            report.kept += 1
        }
        return (users, report)
    }
}
