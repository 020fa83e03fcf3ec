extension Array where Element == Int32 {
    /// The first index in `range` holding `bound` or more, or
    /// `range.upperBound`, by bisection: the values in `range` ascend (a row
    /// of R's items, a similarity row's neighbours).
    /// - Complexity: O(log range.count).
    @inline(__always)
    func firstIndex(notBelow bound: Int32, in range: Range<Int>) -> Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < bound { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
