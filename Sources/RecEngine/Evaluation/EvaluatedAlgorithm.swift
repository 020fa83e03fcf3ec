/// What `Evaluator` can evaluate: the engine in some setting, or a baseline.
public enum EvaluatedAlgorithm: Sendable, Equatable {
    case engine(EngineVariant)
    /// The most popular training items the user has not seen.
    case mostPopular
    /// Unseen items drawn at random (seeded).
    case random

    /// Stable, for JSON and links: `engine…`, `most-popular`, `random`.
    public var id: String {
        switch self {
        case .engine(let variant): return variant.id
        case .mostPopular: return "most-popular"
        case .random: return "random"
        }
    }

    /// For people.
    public var name: String {
        switch self {
        case .engine(let variant): return variant.name
        case .mostPopular: return "most popular"
        case .random: return "random"
        }
    }

    /// `engine` (SPEC's setting), `variant` or `baseline`.
    public var kind: String {
        switch self {
        case .engine(let variant): return variant.isSpec ? "engine" : "variant"
        case .mostPopular, .random: return "baseline"
        }
    }
}
