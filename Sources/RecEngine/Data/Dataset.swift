/// The cleansed input: users and items sorted in ID order (so a dense index
/// compares like its ID), the kept events, and the cleansing report.
public struct Dataset: Sendable {
    public let users: [User]
    public let items: [Item]
    public let events: EventTable
    /// Event type names; `events.type` indexes this list.
    public let eventTypes: [String]
    public let report: CleansingReport
    /// Positions in `users` and `items` by ID (IDs compared by their bytes).
    public let userIndex: IDIndex
    public let itemIndex: IDIndex

    public init(users: [User], items: [Item], events: EventTable, eventTypes: [String],
                report: CleansingReport, userIndex: IDIndex, itemIndex: IDIndex) {
        self.users = users
        self.items = items
        self.events = events
        self.eventTypes = eventTypes
        self.report = report
        self.userIndex = userIndex
        self.itemIndex = itemIndex
    }
}
