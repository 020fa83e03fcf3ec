import Testing
@testable import RecEngine

/// A data folder with the three files, any of which can be left out or replaced.
func makeDataFolder(users: String? = TestFiles.users, items: String? = TestFiles.items,
                    events: String? = TestFiles.eventsHeader + "\nu1,i1,play,10,2025-01-01\n") throws -> TempDirectory {
    let folder = try TempDirectory()
    if let users { try folder.write("users.csv", users) }
    if let items { try folder.write("items.csv", items) }
    if let events { try folder.write("events.csv", events) }
    return folder
}

/// The fatal error loading `folder` throws, or nil.
func loadError(_ path: String) -> RecEngineError? {
    do {
        _ = try DatasetLoader.load(directory: path)
        return nil
    } catch let error as RecEngineError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite("Fatal loading errors")
struct LoaderErrorTests {
    @Test("a complete folder loads, with or without a trailing slash")
    func loads() throws {
        let folder = try makeDataFolder()
        defer { folder.remove() }
        for path in [folder.path, folder.path + "/"] {
            let dataset = try DatasetLoader.load(directory: path)
            #expect(dataset.users.count == 2)
            #expect(dataset.items.count == 2)
            #expect(dataset.events.count == 1)
            #expect(dataset.report.events.file == "events.csv")
        }
    }

    @Test("a missing file names its path", arguments: ["users.csv", "items.csv", "events.csv"])
    func missingFile(name: String) throws {
        let folder = try makeDataFolder(
            users: name == "users.csv" ? nil : TestFiles.users,
            items: name == "items.csv" ? nil : TestFiles.items,
            events: name == "events.csv" ? nil : TestFiles.eventsHeader + "\n")
        defer { folder.remove() }
        let error = try #require(loadError(folder.path + "/"))
        #expect(error == .missingFile(path: folder.path + "/" + name))
        #expect(error.description
            == "\(folder.path)/\(name): file not found (recsite needs users.csv, items.csv and events.csv in the data folder)")
    }

    @Test("a missing folder is reported as its first missing file")
    func missingFolder() {
        let error = loadError("/nonexistent-recsite-folder")
        #expect(error?.description
            == "/nonexistent-recsite-folder/users.csv: file not found (recsite needs users.csv, items.csv and events.csv in the data folder)")
    }

    @Test("a missing required column names the file and the column", arguments: [
        ("users.csv", "id,name,age\n", "user_id", "id, name, age"),
        ("items.csv", "title, Genre \n", "item_id", "title, genre"),
        ("events.csv", "user_id,item_id,event_type,watch_seconds\n", "timestamp", "user_id, item_id, event_type, watch_seconds"),
        ("events.csv", "USER_ID,Item_ID,event,watch_seconds,timestamp\n", "event_type", "user_id, item_id, event, watch_seconds, timestamp"),
        ("events.csv", "user_id,item_id,event_type,timestamp\n", "watch_seconds", "user_id, item_id, event_type, timestamp"),
    ])
    func missingColumn(file: String, header: String, column: String, found: String) throws {
        let folder = try makeDataFolder(
            users: file == "users.csv" ? header : TestFiles.users,
            items: file == "items.csv" ? header : TestFiles.items,
            events: file == "events.csv" ? header : TestFiles.eventsHeader + "\n")
        defer { folder.remove() }
        let error = try #require(loadError(folder.path))
        #expect(error.description == "\(folder.path)/\(file):1: missing required column '\(column)' (header has: \(found))")
    }

    @Test("an empty file (no header row) is fatal", arguments: ["", "\n\n", "\u{FEFF}", "\r\n"])
    func emptyFile(content: String) throws {
        let folder = try makeDataFolder(items: content)
        defer { folder.remove() }
        let error = try #require(loadError(folder.path))
        #expect(error == .emptyFile(path: folder.path + "/items.csv"))
        #expect(error.description == "\(folder.path)/items.csv:1: the file is empty; expected a header row")
    }

    @Test("a header alone is not an error: no rows, nothing kept")
    func headerOnly() throws {
        let folder = try makeDataFolder(users: "user_id\n", items: "item_id\n", events: TestFiles.eventsHeader)
        defer { folder.remove() }
        let dataset = try DatasetLoader.load(directory: folder.path)
        #expect(dataset.users.isEmpty && dataset.items.isEmpty && dataset.events.count == 0)
        #expect(dataset.report.files.map(\.rowsRead) == [0, 0, 0])
    }
}
