// libFuzzer target over the CSV reader and SPEC §2 cleansing (and the
// engine over what survives).
//
// Compiled together with Sources/RecEngine/**.swift into one module (see
// `make fuzz`), so it reaches `DatasetLoader.load(users:items:events:)`
// directly. The input is split into users.csv, items.csv and events.csv at
// the first two occurrences of `separator`; missing parts are empty files.

/// The line that separates the three files in a fuzz input.
let separator = Array("\n%%\n".utf8)

func split(_ bytes: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0, i = 0
    while i + separator.count <= bytes.count, parts.count < 2 {
        if bytes[i] == separator[0], Array(bytes[i..<(i + separator.count)]) == separator {
            parts.append(Array(bytes[start..<i]))
            i += separator.count
            start = i
        } else {
            i += 1
        }
    }
    parts.append(Array(bytes[start...]))
    while parts.count < 3 { parts.append([]) }
    return parts
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCleansing(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = split(Array(UnsafeBufferPointer(start: data, count: size)))
    do {
        let dataset = try DatasetLoader.load(
            users: ("users.csv", parts[0]), items: ("items.csv", parts[1]), events: ("events.csv", parts[2]))
        // Invariants every cleansing report must hold.
        for file in dataset.report.files {
            precondition(file.kept + file.dropped == file.rowsRead, "\(file.file): kept + dropped != rows")
            for (reason, rows) in file.examples {
                precondition(rows.count <= FileCleansing.examplesPerReason)
                precondition(rows.allSatisfy { $0.line >= 2 && $0.reason == reason })
            }
        }
        precondition(dataset.users.count == dataset.report.users.kept)
        precondition(dataset.items.count == dataset.report.items.kept)
        precondition(dataset.events.count == dataset.report.events.kept)
        // The keys must be valid ID order and index look-ups must round-trip.
        for (index, user) in dataset.users.enumerated() {
            precondition(dataset.userIndex[user.id] == Int32(index))
        }
        // The engine over whatever survived: recommendations and profiles must not trap.
        let model = RecommenderModel(dataset: dataset, workers: 1)
        for u in dataset.users.indices.prefix(20) {
            let list = model.recommendations(user: u, k: 5)
            precondition(list.count <= 5)
            _ = model.profile(user: u)
        }
    } catch let error as RecEngineError {
        _ = error.description  // a fatal error the user can cause: fine, but it must render
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
