/// The largest `watch_seconds` and event weight recsite accepts, chosen so
/// that no sum, square or score it computes can overflow to ∞ (docs/rules.md,
/// "Numbers out of range").
///
/// A term `watch_seconds × weight` is at most 1e12 × 1e6 = 1e18. Even 2⁶³
/// events (≈ 9.2e18, far beyond any file) sum to r ≤ 9.2e36; a norm's sum of
/// squares is at most (Σ r)² ≤ 8.5e73, and a score Σ sim·r ≤ Σ r: all far
/// below the largest double, 1.8e308. 1e12 seconds is about 31,700 years, so
/// no real viewing log (nor one in milliseconds) comes near it.
public enum ValueLimits {
    /// Above it an event is dropped as `invalid watch_seconds`.
    public static let maxWatchSeconds: Double = 1e12
    /// Above it an event type's weight is a settings error.
    public static let maxWeight: Double = 1e6
}
