extension Dataset {
    /// The same users, items, indices and cleansing report with only the
    /// events `keep` accepts, in file order: what a model fitted on part of
    /// the data may see.
    /// - Parameter keep: decides by the event's position in `events`.
    /// - Complexity: O(events).
    func keepingEvents(_ keep: (Int) -> Bool) -> Dataset {
        var kept = EventTable()
        for e in 0..<events.count where keep(e) {
            kept.append(user: events.user[e], item: events.item[e], type: events.type[e],
                        watchSeconds: events.watchSeconds[e], seconds: events.seconds[e])
        }
        return Dataset(users: users, items: items, events: kept, eventTypes: eventTypes,
                       report: report, userIndex: userIndex, itemIndex: itemIndex)
    }
}
