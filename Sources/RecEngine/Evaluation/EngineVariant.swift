/// One setting of the engine for offline comparison: a similarity variant
/// and a per-user normalisation of r. `.spec` is SPEC §3–§5 exactly.
public struct EngineVariant: Sendable, Equatable {
    public var similarity: SimilarityOptions
    public var normalisation: InteractionNormalisation

    public init(similarity: SimilarityOptions = .spec, normalisation: InteractionNormalisation = .none) {
        self.similarity = similarity
        self.normalisation = normalisation
    }

    public static let spec = EngineVariant()

    public var isSpec: Bool { similarity.isSpec && normalisation == .none }

    /// - Throws: `RecEngineError.invalidOption` for a negative or infinite
    ///   shrinkage, or fewer than 1 neighbour.
    public func validate() throws {
        guard similarity.shrinkage.isFinite, similarity.shrinkage >= 0 else {
            throw RecEngineError.invalidOption(name: "shrinkage", reason: "λ must be a finite number ≥ 0, not \(similarity.shrinkage)")
        }
        if let n = similarity.neighbours, n < 1 {
            throw RecEngineError.invalidOption(name: "neighbours", reason: "keep at least 1 neighbour per item, not \(n)")
        }
    }

    /// The variants `recsite evaluate --variants` lists beside the default:
    /// each option alone at two strengths, then the normalisations.
    public static let comparisons: [EngineVariant] = [
        EngineVariant(similarity: SimilarityOptions(shrinkage: 10)),
        EngineVariant(similarity: SimilarityOptions(shrinkage: 100)),
        EngineVariant(similarity: SimilarityOptions(neighbours: 20)),
        EngineVariant(similarity: SimilarityOptions(neighbours: 100)),
        EngineVariant(normalisation: .max),
        EngineVariant(normalisation: .l2),
    ]

    /// Stable and machine-readable: `engine` for SPEC, else
    /// `engine:` and the changed settings, e.g. `engine:shrinkage=10,neighbours=50`.
    public var id: String {
        let settings = settingTexts(shrinkage: "shrinkage=", neighbours: "neighbours=", normalise: "normalise=")
        return settings.isEmpty ? "engine" : "engine:" + settings.joined(separator: ",")
    }

    /// For people, e.g. `item-CF, shrinkage λ=10`.
    public var name: String {
        let settings = settingTexts(shrinkage: "shrinkage λ=", neighbours: "top-", normalise: "r ÷ user ")
        return settings.isEmpty ? "item-CF (SPEC)" : "item-CF, " + settings.joined(separator: ", ")
    }

    private func settingTexts(shrinkage: String, neighbours: String, normalise: String) -> [String] {
        var texts: [String] = []
        if similarity.shrinkage != 0 {
            let λ = similarity.shrinkage
            texts.append(shrinkage + (λ == λ.rounded() && abs(λ) < 1e15 ? String(Int(λ)) : String(λ)))
        }
        if let n = similarity.neighbours {
            texts.append(neighbours + String(n) + (neighbours.hasSuffix("=") ? "" : " neighbours"))
        }
        if normalisation != .none {
            texts.append(normalise + (normalise.hasSuffix("=") ? normalisation.rawValue : normalisation.label))
        }
        return texts
    }
}

extension InteractionNormalisation {
    /// `max` or `L2`, as the variant's name shows it.
    var label: String { self == .l2 ? "L2" : rawValue }
}
