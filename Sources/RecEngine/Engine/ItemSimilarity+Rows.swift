/// The similarity's rows in compressed form, made from the pairs each item
/// computed for the items above it.
extension ItemSimilarity {
    typealias Rows = (rowStart: [Int], neighbour: [Int32], similarity: [Double])

    /// The full rows from their upper halves: row i holds (j, sim) for each
    /// j < i with i in `upper[j]`, by ascending j, then `upper[i]` itself.
    /// - Parameter upper: row i's neighbours k > i, ascending, with their values.
    /// - Complexity: O(items + pairs).
    static func mirrored(_ upper: [(neighbours: [Int32], values: [Double])]) -> Rows {
        let n = upper.count
        var lowerCount = [Int](repeating: 0, count: n)
        for row in upper {
            for k in row.neighbours { lowerCount[Int(k)] += 1 }
        }
        var rowStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { rowStart[i + 1] = rowStart[i] + lowerCount[i] + upper[i].neighbours.count }
        let total = rowStart[n]
        var nextLower = rowStart
        var similarity = [Double](repeating: 0, count: total)
        let neighbour = [Int32](unsafeUninitializedCapacity: total) { neighbour, initialized in
            similarity.withUnsafeMutableBufferPointer { similarity in
                for j in 0..<n {
                    let (neighbours, values) = upper[j]
                    var position = rowStart[j] + lowerCount[j]
                    for (k, value) in zip(neighbours, values) {
                        neighbour[position] = k
                        similarity[position] = value
                        position += 1
                        let mirror = nextLower[Int(k)]
                        neighbour[mirror] = Int32(j)
                        similarity[mirror] = value
                        nextLower[Int(k)] = mirror + 1
                    }
                }
            }
            initialized = total
        }
        return (rowStart, neighbour, similarity)
    }

    /// Each row cut to its `limit` most similar entries (`nearest`), still
    /// in ascending index order.
    /// - Complexity: O(pairs × log neighbours) / workers.
    static func keepingNearest(_ limit: Int, rowStart: [Int], neighbour: [Int32], similarity: [Double],
                               workers: Int) -> Rows {
        let n = rowStart.count - 1
        let rows: [(neighbours: [Int32], values: [Double])] = parallelMap(count: n, workers: workers,
                                                                        makeScratch: {}) { i, _ in
            let row = (Array(neighbour[rowStart[i]..<rowStart[i + 1]]), Array(similarity[rowStart[i]..<rowStart[i + 1]]))
            return row.0.count > limit ? nearest(limit, of: row) : row
        }
        var cutStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { cutStart[i + 1] = cutStart[i] + rows[i].neighbours.count }
        return (cutStart, rows.flatMap(\.neighbours), rows.flatMap(\.values))
    }
}
