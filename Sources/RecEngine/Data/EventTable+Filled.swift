extension EventTable {
    /// Where `filled` writes: one pointer per column, each event written
    /// once, from any thread (disjoint rows).
    struct Columns: @unchecked Sendable {
        let user: UnsafeMutablePointer<Int32>, item: UnsafeMutablePointer<Int32>
        let type: UnsafeMutablePointer<UInt8>, watchSeconds: UnsafeMutablePointer<Double>
        let seconds: UnsafeMutablePointer<Int64>

        @inline(__always)
        func write(_ row: Int, user: Int32, item: Int32, type: UInt8, watchSeconds: Double, seconds: Int64) {
            (self.user + row).initialize(to: user)
            (self.item + row).initialize(to: item)
            (self.type + row).initialize(to: type)
            (self.watchSeconds + row).initialize(to: watchSeconds)
            (self.seconds + row).initialize(to: seconds)
        }
    }

    /// A table of `count` events that `fill` writes in place, every row of
    /// every column exactly once (rows in parallel if it likes), so the
    /// columns are neither zeroed first nor copied after.
    static func filled(count: Int, _ fill: (Columns) -> Void) -> EventTable {
        var table = EventTable()
        var item: [Int32] = [], type: [UInt8] = [], watchSeconds: [Double] = [], seconds: [Int64] = []
        table.user = [Int32](unsafeUninitializedCapacity: count) { user, userCount in
            item = [Int32](unsafeUninitializedCapacity: count) { item, itemCount in
                type = [UInt8](unsafeUninitializedCapacity: count) { type, typeCount in
                    watchSeconds = [Double](unsafeUninitializedCapacity: count) { watch, watchCount in
                        seconds = [Int64](unsafeUninitializedCapacity: count) { seconds, secondsCount in
                            if count > 0 {
                                fill(Columns(user: user.baseAddress!, item: item.baseAddress!, type: type.baseAddress!,
                                             watchSeconds: watch.baseAddress!, seconds: seconds.baseAddress!))
                            }
                            secondsCount = count
                        }
                        watchCount = count
                    }
                    typeCount = count
                }
                itemCount = count
            }
            userCount = count
        }
        (table.item, table.type, table.watchSeconds, table.seconds) = (item, type, watchSeconds, seconds)
        return table
    }
}
