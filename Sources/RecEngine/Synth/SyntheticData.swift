/// Generates a realistic synthetic data set for an Indonesian streaming
/// service: users.csv, items.csv and events.csv as bytes.
///
/// Deterministic: the same options give the same bytes on every machine
/// (a seeded xoshiro256**, no Foundation, no hash-order iteration, no
/// locale). Pure: no file is read or written here.
public enum SyntheticData {
    /// Independent random streams, so that one part never shifts another
    /// (adding `--dirty` leaves the clean rows' content as it was).
    private enum Stream: UInt64 { case users = 1, items, events, defects }

    /// Makes the three files.
    ///
    /// Loading the result keeps exactly `options.users` users (plus story
    /// users with new IDs), `options.items` items (likewise) and
    /// `max(options.events, story events)` events; with `dirty` the extra
    /// rows are all dropped, and flagged ages and repaired items are kept.
    /// - Parameters:
    ///   - options: counts, seed, `dirty` and an optional story.
    /// - Throws: `SynthError` for a count out of range or a story file
    ///   without its ID column.
    /// - Complexity: O(users + items + events), plus sorting the events by time.
    public static func generate(_ options: SynthOptions) throws -> SyntheticFiles {
        try options.validate()
        let story = try options.story.map(StoryData.parse) ?? StoryData()
        func random(_ stream: Stream) -> SeededRandom { SeededRandom(seed: options.seed, stream: stream.rawValue) }

        var userRandom = random(.users), itemRandom = random(.items)
        var eventRandom = random(.events), defectRandom = random(.defects)
        var users = StoryData.overlay(UserGenerator.make(count: options.users, random: &userRandom),
                                      with: story.users, id: \.id)
        var items = StoryData.overlay(
            CatalogueGenerator.make(count: options.items, reserved: Set(story.items.map(\.title)), random: &itemRandom),
            with: story.items, id: \.id)
        let storyUsers = story.userIDs
        let storyItems = story.itemIDs
        let active = users.map { !storyUsers.contains(IDKey($0.id)) }
        let zone = users.map { PeopleVocabulary.zoneMinutes(of: $0.region) }

        let log = ViewingGenerator.make(
            count: max(0, options.events - story.events.count),
            users: users, active: active, items: items, random: &eventRandom)
        let order = EventOrder(log: log, story: story.events)

        var dirtyUsers = DirtyInsertions(), dirtyItems = DirtyInsertions(), dirtyEvents = DirtyInsertions()
        var style: [UInt8] = []
        if options.dirty {
            dirtyUsers = UserDefects.apply(
                to: &users, editable: users.indices.filter { active[$0] }, random: &defectRandom)
            dirtyItems = ItemDefects.apply(
                to: &items, editable: items.indices.filter { !storyItems.contains(IDKey(items[$0].id)) }, random: &defectRandom)
            let defects = EventDefects(
                log: log, users: users, items: items, zone: zone,
                position: { Int(order.positionOfGenerated[$0]) }, rowCount: order.rows.count)
            (dirtyEvents, style) = defects.make(random: &defectRandom)
        }

        let events = SynthFileWriter.events(
            .init(log: log, story: story.events, order: order,
                  userIDs: EncodedFields(users.map(\.id)), itemIDs: EncodedFields(items.map(\.id)),
                  zone: zone, style: style),
            dirty: dirtyEvents)
        return SyntheticFiles(
            users: SynthFileWriter.users(users, dirty: dirtyUsers),
            items: SynthFileWriter.items(items, dirty: dirtyItems),
            events: events,
            summary: SynthSummary(
                users: users.count, items: items.count, events: order.rows.count,
                dirtyUsers: dirtyUsers.count, dirtyItems: dirtyItems.count, dirtyEvents: dirtyEvents.count,
                storyEvents: story.events.count))
    }
}
