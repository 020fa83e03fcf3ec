extension InteractionMatrix {
    /// The rows of a run of users: their (user, item) entries in user, then
    /// item order, and where each user's row starts (from 0).
    struct RowRun {
        var rowStart: [Int] = [0]
        var item: [Int32] = [], score: [Double] = [], events: [Int32] = [], lastSeen: [Int64] = []
    }

    /// Runs of consecutive users with about equal numbers of events, one
    /// per worker (one for small tables), as user index bounds.
    /// - Parameter userEventStart: prefix sums of events per user.
    static func userRuns(userEventStart: [Int], workers: Int) -> [Range<Int>] {
        let users = userEventStart.count - 1, total = userEventStart.last ?? 0
        let runs = total < 1 << 16 ? 1 : max(1, workers)
        var bounds = [0]
        for run in 1..<runs {
            let target = total * run / runs
            // The first user whose events start at or after the target, or
            // the one before it if that cut is nearer.
            var low = bounds.last!, high = users
            while low < high {
                let middle = (low + high) / 2
                if userEventStart[middle] < target { low = middle + 1 } else { high = middle }
            }
            if low > bounds.last!, target - userEventStart[low - 1] < userEventStart[low] - target { low -= 1 }
            bounds.append(low)
        }
        bounds.append(users)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// R's rows for the users in `users`.
    ///
    /// Their events are grouped by user, then item, with two counting
    /// passes (by item, then by user): no comparisons. Within a group the
    /// events stay in file order, which the sums must not depend on.
    /// - Complexity: O(all events + this run's events + items).
    static func rows(of users: Range<Int>, events: EventTable, userEventStart: [Int], itemCount: Int,
                     typeWeights: [Double]) -> RowRun {
        let first = userEventStart[users.lowerBound], count = userEventStart[users.upperBound] - first
        // Whether event e is this run's, without a branch: the users of
        // neighbouring events are unrelated, so a branch would miss half the time.
        let lower = UInt32(users.lowerBound), width = UInt32(users.count)
        @inline(__always) func mine(_ e: Int) -> Int {
            UInt32(bitPattern: events.user[e]) &- lower < width ? 1 : 0
        }
        var itemStart = [Int](repeating: 0, count: itemCount + 1)
        for e in 0..<events.count { itemStart[Int(events.item[e]) + 1] += mine(e) }
        for i in 0..<itemCount { itemStart[i + 1] += itemStart[i] }
        // Others' events are written to one spare slot at the end.
        var byItem = [Int32](repeating: 0, count: count + 1)
        for e in 0..<events.count {
            let i = Int(events.item[e]), isMine = mine(e)
            byItem[isMine == 1 ? itemStart[i] : count] = Int32(e)
            itemStart[i] += isMine
        }
        byItem.removeLast()
        var fill = userEventStart[users.lowerBound...users.upperBound].map { $0 - first }
        var ordered = [Int32](repeating: 0, count: count)
        for e in byItem {
            let u = Int(events.user[Int(e)]) - users.lowerBound
            ordered[fill[u]] = e
            fill[u] += 1
        }

        var run = RowRun()
        run.rowStart.reserveCapacity(users.count + 1)
        run.item.reserveCapacity(count)
        var terms: [Double] = []  // one (user, item) group's terms, reused
        var index = 0
        for u in users {
            let end = userEventStart[u + 1] - first
            while index < end {
                let item = events.item[Int(ordered[index])]
                // The first two terms stay in registers; a third moves them
                // all to `terms` for sorting (docs/rules.md, "Summation order").
                var eventCount: Int32 = 0, last = Int64.min
                var a = 0.0, b = 0.0
                while index < end, events.item[Int(ordered[index])] == item {
                    let e = Int(ordered[index])
                    let term = events.watchSeconds[e] * typeWeights[Int(events.type[e])]
                    switch eventCount {
                    case 0: a = term
                    case 1: b = term
                    case 2:
                        terms.removeAll(keepingCapacity: true)
                        terms.append(a); terms.append(b); terms.append(term)
                    default: terms.append(term)
                    }
                    eventCount += 1
                    last = max(last, events.seconds[e])
                    index += 1
                }
                let r = eventCount <= 2 ? 0 + a + b : canonicalSum(&terms)
                run.item.append(item); run.score.append(r)
                run.events.append(eventCount); run.lastSeen.append(last)
            }
            run.rowStart.append(run.item.count)
        }
        return run
    }

    /// The runs' rows end to end, their row starts shifted to match.
    static func joined(_ runs: [RowRun]) -> RowRun {
        guard runs.count > 1 else { return runs.first ?? RowRun() }
        var whole = RowRun()
        for run in runs {
            let offset = whole.item.count
            whole.rowStart += run.rowStart.dropFirst().map { $0 + offset }
            whole.item += run.item
            whole.score += run.score
            whole.events += run.events
            whole.lastSeen += run.lastSeen
        }
        return whole
    }
}
