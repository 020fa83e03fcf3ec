/// Converts the MovieLens 100k files (`u.data`, `u.item`, `u.user` and
/// optionally `u.genre`) into recsite's `users.csv`, `items.csv` and
/// `events.csv`. Pure: bytes in, bytes out; the caller reads and writes files.
///
/// The mapping (docs/movielens.md):
/// - user `N` becomes `uN`, movie `N` becomes `mN` (so ID order is numeric order);
/// - a rating becomes one `play` event with `watch_seconds` = the rating, so
///   with the standard weights (play = 1.0) r(u,i) equals the rating;
/// - the unix time becomes `YYYY-MM-DDTHH:MM:SSZ` (UTC);
/// - a movie is `content_type` movie, `genre` its first flagged genre other
///   than "unknown" (else "unknown"), `genres` all its flagged genres joined by `|`;
/// - a user keeps age, gender (lower-cased) and occupation, as `region`.
public enum MovieLensImport {
    /// The genres of MovieLens 100k's `u.genre`, in flag order.
    public static let standardGenres = [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ]

    /// - Parameters:
    ///   - ratings: `u.data`: user id, item id, rating, unix time, tab-separated.
    ///   - movies: `u.item`: id, title, release date, video release date, IMDb
    ///     URL and one 0/1 flag per genre, `|`-separated. Each file is read as
    ///     UTF-8 when it is valid UTF-8, else as Latin-1 (the original `u.item`).
    ///   - users: `u.user`: id, age, gender, occupation, zip code, `|`-separated.
    ///   - genres: `u.genre` (`name|index` lines), or `nil` for `standardGenres`.
    /// - Returns: the three CSV files (LF line ends, RFC 4180 quoting, UTF-8).
    /// - Throws: `RecEngineError.malformedLine` naming the file and line of the
    ///   first line that cannot be read, or that names a user or movie that
    ///   does not exist, repeats an ID, or rates a movie twice.
    /// - Complexity: O(bytes of the files).
    public static func convert(
        ratings: (path: String, bytes: [UInt8]),
        movies: (path: String, bytes: [UInt8]),
        users: (path: String, bytes: [UInt8]),
        genres: (path: String, bytes: [UInt8])? = nil
    ) throws -> MovieLensFiles {
        let genreNames = try genres.map(readGenres) ?? standardGenres.map { $0.lowercased() }
        let (usersCSV, userIDs) = try convertUsers(users)
        let (itemsCSV, itemIDs) = try convertMovies(movies, genres: genreNames)
        let (eventsCSV, eventCount) = try convertRatings(
            ratings, users: (users.path, userIDs), movies: (movies.path, itemIDs))
        return MovieLensFiles(users: usersCSV, items: itemsCSV, events: eventsCSV,
                              userCount: userIDs.count, itemCount: itemIDs.count, eventCount: eventCount)
    }

    /// `name|index` lines; the indices must count 0, 1, 2, … in file order.
    private static func readGenres(_ file: (path: String, bytes: [UInt8])) throws -> [String] {
        var names: [String] = []
        let reader = DelimitedText(file.bytes, separator: UInt8(ascii: "|"))
        try reader.forEachLine { line, fields in
            guard fields.count == 2, let index = DelimitedText.wholeNumber(fields[1]), index == names.count else {
                throw RecEngineError.malformedLine(
                    path: file.path, line: line, reason: "expected 'name|\(names.count)' (genres numbered from 0 in order)")
            }
            names.append(reader.text(fields[0]).lowercased())
        }
        return names
    }

    private static func convertUsers(_ file: (path: String, bytes: [UInt8])) throws -> ([UInt8], [Int: Int]) {
        var csv = CSVByteWriter(capacity: file.bytes.count)
        csv.row(["user_id", "age", "gender", "region"])
        var firstLine: [Int: Int] = [:]
        let reader = DelimitedText(file.bytes, separator: UInt8(ascii: "|"))
        try reader.forEachLine { line, fields in
            func fail(_ reason: String) -> RecEngineError { .malformedLine(path: file.path, line: line, reason: reason) }
            guard fields.count == 5 else {
                throw fail("expected 5 |-separated fields (id, age, gender, occupation, zip code), found \(fields.count)")
            }
            let id = try identifier(fields[0], kind: "user", reader: reader, seen: &firstLine, line: line, fail: fail)
            guard let age = DelimitedText.wholeNumber(fields[1]) else {
                throw fail("age '\(reader.text(fields[1]))' is not a whole number")
            }
            csv.row(["u\(id)", String(age), reader.text(fields[2]).lowercased(), reader.text(fields[3])])
        }
        return (csv.bytes, firstLine)
    }

    private static func convertMovies(_ file: (path: String, bytes: [UInt8]), genres: [String]) throws -> ([UInt8], [Int: Int]) {
        var csv = CSVByteWriter(capacity: file.bytes.count / 2)
        csv.row(["item_id", "title", "content_type", "genre", "genres"])
        var firstLine: [Int: Int] = [:]
        let reader = DelimitedText(file.bytes, separator: UInt8(ascii: "|"))
        try reader.forEachLine { line, fields in
            func fail(_ reason: String) -> RecEngineError { .malformedLine(path: file.path, line: line, reason: reason) }
            guard fields.count == 5 + genres.count else {
                throw fail("expected \(5 + genres.count) |-separated fields (id, title, release date, video release date, "
                    + "IMDb URL and \(genres.count) genre flags), found \(fields.count)")
            }
            let id = try identifier(fields[0], kind: "movie", reader: reader, seen: &firstLine, line: line, fail: fail)
            var flagged: [String] = []
            for (offset, name) in genres.enumerated() {
                switch DelimitedText.wholeNumber(fields[5 + offset]) {
                case 1: flagged.append(name)
                case 0: break
                default: throw fail("genre flag '\(name)' is '\(reader.text(fields[5 + offset]))', expected 0 or 1")
                }
            }
            let genre = flagged.first { $0 != "unknown" } ?? "unknown"
            csv.row(["m\(id)", reader.text(fields[1]), "movie", genre, flagged.joined(separator: "|")])
        }
        return (csv.bytes, firstLine)
    }

    private static func convertRatings(
        _ file: (path: String, bytes: [UInt8]), users: (path: String, ids: [Int: Int]), movies: (path: String, ids: [Int: Int])
    ) throws -> ([UInt8], Int) {
        var csv = CSVByteWriter(capacity: file.bytes.count * 2)
        csv.row(["user_id", "item_id", "event_type", "watch_seconds", "timestamp"])
        var firstLine: [PairKey: Int] = [:]
        var count = 0
        let reader = DelimitedText(file.bytes, separator: UInt8(ascii: "\t"))
        try reader.forEachLine { line, fields in
            func fail(_ reason: String) -> RecEngineError { .malformedLine(path: file.path, line: line, reason: reason) }
            guard fields.count == 4 else {
                throw fail("expected 4 tab-separated fields (user id, item id, rating, timestamp), found \(fields.count)")
            }
            guard let user = DelimitedText.wholeNumber(fields[0]), users.ids[user] != nil else {
                throw fail("user '\(reader.text(fields[0]))' is not in \(users.path)")
            }
            guard let movie = DelimitedText.wholeNumber(fields[1]), movies.ids[movie] != nil else {
                throw fail("movie '\(reader.text(fields[1]))' is not in \(movies.path)")
            }
            guard let rating = DelimitedText.wholeNumber(fields[2]), (1...5).contains(rating) else {
                throw fail("rating '\(reader.text(fields[2]))' is not a whole number from 1 to 5")
            }
            guard let seconds = DelimitedText.wholeNumber(fields[3]) else {
                throw fail("timestamp '\(reader.text(fields[3]))' is not a whole number of seconds since 1970")
            }
            // One event per pair keeps r(u,i) equal to the rating.
            let key = PairKey(user: user, movie: movie)
            if let first = firstLine[key] {
                throw fail("user \(user) rates movie \(movie) again (first on line \(first))")
            }
            firstLine[key] = line
            csv.row(["u\(user)", "m\(movie)", "play", String(rating), Timestamp.format(seconds: Int64(seconds))])
            count += 1
        }
        return (csv.bytes, count)
    }

    /// Reads an ID field and registers its line.
    private static func identifier(
        _ field: ArraySlice<UInt8>, kind: String, reader: DelimitedText, seen: inout [Int: Int], line: Int,
        fail: (String) -> RecEngineError
    ) throws -> Int {
        guard let id = DelimitedText.wholeNumber(field) else {
            throw fail("\(kind) id '\(reader.text(field))' is not a whole number")
        }
        if let first = seen[id] { throw fail("\(kind) id \(id) appears again (first on line \(first))") }
        seen[id] = line
        return id
    }

    private struct PairKey: Hashable {
        let user: Int
        let movie: Int
    }
}
