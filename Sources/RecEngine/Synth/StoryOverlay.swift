/// The rows of a story, parsed, and how they are laid over generated rows.
struct StoryData {
    var users: [UserRow] = []
    var items: [ItemRow] = []
    var events: [EventRow] = []

    /// Users whose events are the story's only: those of the story's
    /// users.csv and those its events.csv names. IDs match by their bytes,
    /// as in cleansing (SPEC §7).
    var userIDs: Set<IDKey> {
        Set(users.map { IDKey($0.id) }).union(events.map { IDKey($0.user) })
    }

    /// The story's item IDs.
    var itemIDs: Set<IDKey> { Set(items.map { IDKey($0.id) }) }

    /// Parses the three files; columns are found by name like SPEC §1 says.
    /// An empty file means no rows.
    /// - Throws: `SynthError.storyMissingColumn` when an ID column (or an
    ///   events.csv column) is missing.
    static func parse(_ story: SynthStory) throws -> StoryData {
        var data = StoryData()
        data.users = try rows(story.users, file: "users.csv", columns: UserRow.header, required: 1) {
            UserRow(id: $0[0], name: $0[1], age: $0[2], gender: $0[3], region: $0[4])
        }
        data.items = try rows(story.items, file: "items.csv", columns: ItemRow.header, required: 1) {
            ItemRow(id: $0[0], title: $0[1], contentType: $0[2], genre: $0[3])
        }
        data.events = try rows(story.events, file: "events.csv", columns: EventRow.header, required: 5) {
            EventRow(user: $0[0], item: $0[1], type: $0[2], watchSeconds: $0[3], timestamp: $0[4])
        }
        return data
    }

    /// Reads `columns` (the first `required` of them must exist) from every
    /// row; a missing optional column reads as "".
    private static func rows<Row>(
        _ bytes: [UInt8], file: String, columns: [String], required: Int, make: ([String]) -> Row
    ) throws -> [Row] {
        var reader = CSVReader(bytes: bytes)
        var record = CSVRecord()
        guard reader.next(into: &record) else { return [] }
        let header = (0..<record.count).map { record.string($0).lowercased() }
        let positions = columns.map { header.firstIndex(of: $0) }
        for index in 0..<required where positions[index] == nil {
            throw SynthError.storyMissingColumn(file: file, column: columns[index])
        }
        var result: [Row] = []
        while reader.next(into: &record) {
            result.append(make(positions.map { position in
                guard let position, position < record.count else { return "" }
                return record.string(position)
            }))
        }
        return result
    }

    /// Replaces generated rows by ID and appends story rows with new IDs, in
    /// story order; of repeated story IDs the first wins.
    /// - Complexity: O(generated + story).
    static func overlay<Row>(_ generated: [Row], with story: [Row], id: (Row) -> String) -> [Row] {
        var result = generated
        var position: [IDKey: Int] = [:]
        position.reserveCapacity(generated.count)
        for (index, row) in generated.enumerated() where position[IDKey(id(row))] == nil {
            position[IDKey(id(row))] = index
        }
        var replaced = Set<IDKey>()
        for row in story where replaced.insert(IDKey(id(row))).inserted {
            if let index = position[IDKey(id(row))] {
                result[index] = row
            } else {
                result.append(row)
            }
        }
        return result
    }
}
