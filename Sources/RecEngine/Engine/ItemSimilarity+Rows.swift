/// The similarity's rows in compressed form, made from the pairs each item
/// computed for the items above it.
extension ItemSimilarity {
    typealias Rows = (rowStart: [Int], neighbour: [Int32], similarity: [Double])

    /// The full rows from their upper halves: row i holds (j, sim) for each
    /// j < i with i in `upper[j]`, by ascending j, then `upper[i]` itself.
    /// Rows are written in ranges on several cores, each range's writer
    /// picking its cells out of every earlier row by bisection.
    /// - Parameter upper: row i's neighbours k > i, ascending, with their values.
    /// - Complexity: O(items + pairs + ranges × items × log neighbours) / workers.
    static func mirrored(_ upper: [(neighbours: [Int32], values: [Double])], workers: Int) -> Rows {
        let n = upper.count
        var lowerCount = [Int](repeating: 0, count: n)
        for row in upper {
            for k in row.neighbours { lowerCount[Int(k)] += 1 }
        }
        var rowStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { rowStart[i + 1] = rowStart[i] + lowerCount[i] + upper[i].neighbours.count }
        let total = rowStart[n]
        var similarity = [Double](repeating: 0, count: total)
        var neighbour = [Int32](repeating: 0, count: total)
        neighbour.withUnsafeMutableBufferPointer { neighbour in
        similarity.withUnsafeMutableBufferPointer { similarity in
            let cells = UncheckedBox((neighbour, similarity))
            let ranges = max(1, min(n, workers * 8))
            _ = parallelMap(count: ranges, workers: workers, makeScratch: {}) { range, _ in
                let rows = n * range / ranges..<n * (range + 1) / ranges
                let (neighbour, similarity) = cells.value
                var nextLower = Array(rowStart[rows])
                for j in 0..<rows.upperBound {
                    let (neighbours, values) = upper[j]
                    if j >= rows.lowerBound {
                        var position = rowStart[j] + lowerCount[j]
                        for (k, value) in zip(neighbours, values) {
                            (neighbour[position], similarity[position]) = (k, value)
                            position += 1
                        }
                    }
                    var q = neighbours.firstIndex(notBelow: Int32(rows.lowerBound), in: neighbours.indices)
                    while q < neighbours.count, Int(neighbours[q]) < rows.upperBound {
                        let row = Int(neighbours[q]) - rows.lowerBound
                        (neighbour[nextLower[row]], similarity[nextLower[row]]) = (Int32(j), values[q])
                        nextLower[row] += 1
                        q += 1
                    }
                }
                return 0
            }
        }
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
