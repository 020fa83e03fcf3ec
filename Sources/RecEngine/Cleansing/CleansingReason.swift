/// Why a row was dropped (or, for `invalidAge`, flagged but kept), in the
/// order SPEC §2 checks the rules.
public enum CleansingReason: String, CaseIterable, Sendable, Comparable {
    case malformedRow = "malformed row"
    case missingUserID = "missing user_id"
    case duplicateUserID = "duplicate user_id"
    case missingItemID = "missing item_id"
    case duplicateItemID = "duplicate item_id"
    case missingValue = "missing value"
    case unknownEventType = "unknown event type"
    case invalidWatchSeconds = "invalid watch_seconds"
    case invalidTimestamp = "invalid timestamp"
    case unknownUser = "unknown user"
    case unknownItem = "unknown item"
    case duplicateEvent = "duplicate event"
    /// Not a drop: the row is kept with its age unknown.
    case invalidAge = "invalid age"

    /// Whether a row with this reason is dropped.
    public var drops: Bool { self != .invalidAge }

    public static func < (a: CleansingReason, b: CleansingReason) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
