extension ColumnTileScorer {
    /// A tile's cells, items × `width` doubles, on a 64-byte boundary so
    /// that each item's 16 cells fill two cache lines exactly.
    struct Tile {
        let cells: UnsafeMutableBufferPointer<Double>

        init(itemCount: Int) {
            let count = max(1, itemCount) * width
            let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Double>.stride, alignment: 64)
            cells = UnsafeMutableBufferPointer(start: raw.initializeMemory(as: Double.self, repeating: 0, count: count),
                                               count: count)
        }

        func deallocate() { UnsafeMutableRawPointer(cells.baseAddress!).deallocate() }
    }
}
