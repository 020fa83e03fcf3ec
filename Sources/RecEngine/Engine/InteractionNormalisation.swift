/// How a variant rescales each user's interaction scores before similarity
/// and scoring. `.none` (the default) is SPEC §3 unchanged.
public enum InteractionNormalisation: String, Sendable, CaseIterable {
    /// r(u,i) as SPEC §3 defines it.
    case none
    /// r(u,i) / max_k r(u,k): every user's favourite weighs 1.
    case max
    /// r(u,i) / ‖r(u,·)‖₂: every user's row has length 1.
    case l2
}

extension InteractionMatrix {
    /// R with each user's row divided by the row's maximum or Euclidean
    /// norm. Rows that are all 0 stay as they are; H(u) never changes.
    /// - Complexity: O(stored entries).
    public func normalised(_ mode: InteractionNormalisation) -> InteractionMatrix {
        if mode == .none { return self }
        var divisor = [Double](repeating: 1, count: userCount)
        for u in 0..<userCount {
            var value = 0.0
            for p in row(u) {
                let r = rowScore[p]
                value = mode == .max ? Swift.max(value, r) : value + r * r
            }
            if mode == .l2 { value = value.squareRoot() }
            if value > 0 { divisor[u] = value }
        }
        var rowScore = rowScore, columnScore = columnScore
        for u in 0..<userCount {
            for p in row(u) { rowScore[p] /= divisor[u] }
        }
        for p in columnScore.indices { columnScore[p] /= divisor[Int(columnUser[p])] }
        return InteractionMatrix(rescaling: self, rowScore: rowScore, columnScore: columnScore)
    }

    /// The same structure with new scores.
    private init(rescaling base: InteractionMatrix, rowScore: [Double], columnScore: [Double]) {
        userCount = base.userCount
        itemCount = base.itemCount
        rowStart = base.rowStart
        rowItem = base.rowItem
        self.rowScore = rowScore
        rowEvents = base.rowEvents
        rowLastSeen = base.rowLastSeen
        columnStart = base.columnStart
        columnUser = base.columnUser
        self.columnScore = columnScore
    }
}
