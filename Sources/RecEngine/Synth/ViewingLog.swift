/// Generated events as parallel arrays: compact (22 bytes an event) and
/// written without building strings.
struct ViewingLog {
    /// Index into the final users.
    var user: [Int32] = []
    /// Index into the final items.
    var item: [Int32] = []
    var type: [UInt8] = []
    /// watch_seconds × 10; written with a decimal only when it has tenths.
    var watchTenths: [Int32] = []
    /// UTC milliseconds since 1970.
    var time: [Int64] = []
    /// A `TimestampForm` raw value.
    var form: [UInt8] = []

    var count: Int { user.count }

    init(capacity: Int) {
        user.reserveCapacity(capacity)
        item.reserveCapacity(capacity)
        type.reserveCapacity(capacity)
        watchTenths.reserveCapacity(capacity)
        time.reserveCapacity(capacity)
        form.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(user: Int32, item: Int32, type: EventKind, watchTenths: Int32, time: Int64, form: TimestampForm) {
        self.user.append(user)
        self.item.append(item)
        self.type.append(type.rawValue)
        self.watchTenths.append(watchTenths)
        self.time.append(time)
        self.form.append(form.rawValue)
    }

    /// Orders the events by time, as a service's log would be; events at the
    /// same millisecond keep generation order.
    /// - Complexity: O(n log n) on packed 64-bit keys.
    mutating func sortByTime() {
        let n = count
        guard n > 1 else { return }
        // 35 bits hold a year of milliseconds, 27 bits the index (≤ 134 M events).
        precondition(n < 1 << 27, "too many events to sort by packed keys")
        var keys = [UInt64](repeating: 0, count: n)
        for e in 0..<n {
            keys[e] = UInt64(time[e] - SynthTimestamp.yearStart) << 27 | UInt64(e)
        }
        keys.sort()
        let mask: UInt64 = (1 << 27) - 1
        user = keys.map { user[Int($0 & mask)] }
        item = keys.map { item[Int($0 & mask)] }
        type = keys.map { type[Int($0 & mask)] }
        watchTenths = keys.map { watchTenths[Int($0 & mask)] }
        time = keys.map { time[Int($0 & mask)] }
        form = keys.map { form[Int($0 & mask)] }
    }
}
