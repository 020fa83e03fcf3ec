import Foundation
import RecEngine

/// The lines of a results folder's JSON Lines files, as decoded.
enum ResultLines {
    /// A line of `lists.jsonl`.
    struct List: Decodable {
        let user_id: String
        let items: [Entry]
    }

    /// One listed item: cf entries carry a score and contributors, popular fill neither.
    struct Entry: Decodable {
        let item_id: String
        let source: String
        let score: Double?
        let contributors: [SimilarItem]?
    }

    /// A line of `neighbours.jsonl`.
    struct Neighbours: Decodable {
        let item_id: String
        let neighbours: [SimilarItem]
    }

    /// `[item_id, similarity]`: a contributor of a score, or a neighbour.
    struct SimilarItem: Decodable {
        let itemID: String
        let similarity: Double

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            itemID = try pair.decode(String.self)
            similarity = try pair.decode(Double.self)
            guard pair.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: pair, debugDescription: "a pair is [item_id, similarity]")
            }
        }
    }

    /// Every non-empty line of the file in `directory`, decoded on `workers`
    /// threads, with its line number (from 1).
    /// - Throws: `RecSiteError.invalidResults` naming the file and the first bad line.
    static func read<Line: Decodable & Sendable>(_ name: String, in directory: String, as _: Line.Type,
                                                 workers: Int) throws -> [(line: Int, value: Line)] {
        let path = OutputFile.join(directory, name)
        let bytes: [UInt8]
        do { bytes = try FileBytes.input(path) } catch {
            throw RecSiteError.invalidResults(path: path, reason: "cannot read the file (\(error))")
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.isEmpty }.map { (line: $0.offset + 1, bytes: $0.element) }
        let decoded = parallelMap(count: lines.count, workers: workers, makeScratch: { JSONDecoder() }) { n, decoder in
            try? decoder.decode(Line.self, from: Data(lines[n].bytes))
        }
        return try zip(lines, decoded).map { line, value in
            guard let value else {
                throw RecSiteError.invalidResults(path: "\(path):\(line.line)", reason: "not a line of a recsite results file")
            }
            return (line.line, value)
        }
    }
}
