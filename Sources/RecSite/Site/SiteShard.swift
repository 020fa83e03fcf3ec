import RecEngine

/// One of N parts of a site (`recsite build --shard I/N`), so that N
/// machines, or N Spark tasks, render a large site at once and
/// `recsite merge` puts the parts together (docs/scale.md).
///
/// Every shard loads the data and runs the engine whole; it then renders
/// the pages and files of its users and items only: user u (index in ID
/// order) and item i belong to shard `u mod N + 1` and `i mod N + 1`.
/// Shard 1 also renders the site-wide pages and files, for which it makes
/// every user's report (the users index, the comparisons and the
/// methodology's example read them all). Pages link to every user and
/// item as in a whole build, so a shard's links are checked at the merge,
/// where every file is present. Each shard's folder holds `markerPath`,
/// which the merge reads and drops.
public struct SiteShard: Sendable, Equatable {
    /// 1 ... count.
    public let index: Int
    public let count: Int

    /// The shard marker in a shard's folder (never in a merged site).
    public static let markerPath = ".recsite-shard"

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        (self.index, self.count) = (index, count)
    }

    /// `I/N` as `--shard` takes it; nil unless 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// `I/N`.
    public var name: String { "\(index)/\(count)" }

    /// Whether this shard renders the site-wide pages and files.
    public var rendersSiteWide: Bool { index == 1 }

    /// Whether user (or item) number `n`, in ID order, is this shard's.
    public func owns(_ n: Int) -> Bool { n % count == index - 1 }

    /// This shard's numbers in `range`, ascending.
    func owned(in range: Range<Int>) -> [Int] { range.filter(owns) }

    /// How many of `0..<total` are this shard's.
    func ownedCount(of total: Int) -> Int {
        total / count + (total % count > index - 1 ? 1 : 0)
    }
}
