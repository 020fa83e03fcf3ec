/// The rows `--dirty` adds to users.csv and items.csv that SPEC §2 drops,
/// one kind after another: a wrong number of fields, or an ID that is
/// empty, blank or already taken (as it is, or padded).
enum KeyedRowDefect: CaseIterable {
    case tooFewFields, extraField, strayComma, emptyID, blankID, duplicateID, paddedDuplicateID

    /// The defect of the j-th extra row.
    static func of(row j: Int) -> Self { allCases[j % allCases.count] }
}

extension DirtyInsertions {
    /// Adds `row` (a new row's fields, its ID first) with its ID spoiled as
    /// `defect` says.
    /// - Parameters:
    ///   - defect: `.emptyID`, `.blankID`, `.duplicateID` or `.paddedDuplicateID`.
    ///   - anywhere: where an empty or blank ID's row goes.
    ///   - blank: the blank ID.
    ///   - taken: for a duplicate, given whether it is padded: the repeated
    ///     ID and where it goes (after the row it repeats, so the first wins).
    mutating func add(_ row: [String], spoilingItsID defect: KeyedRowDefect, anywhere: Int, blank: String,
                      taken: (_ padded: Bool) -> (id: String, position: Int)) {
        let (id, position): (String, Int)
        switch defect {
        case .emptyID: (id, position) = ("", anywhere)
        case .blankID: (id, position) = (blank, anywhere)
        case .duplicateID, .paddedDuplicateID: (id, position) = taken(defect == .paddedDuplicateID)
        case .tooFewFields, .extraField, .strayComma: preconditionFailure("\(defect) keeps the row's ID")
        }
        add(at: position, fields: [id] + row.dropFirst())
    }
}
