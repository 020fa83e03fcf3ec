/// A line of a results folder's JSON Lines file, read by `JSONLineScanner`.
protocol ResultLine: Sendable {
    init(scanning scanner: inout JSONLineScanner) throws
}
