import RecEngine

/// Gives each recommendation its explanation: the cached model text for its
/// prompt when the cache has one, else the template sentence. Never touches
/// the network; a build with the same data and cache gives the same words.
public struct Explainer: Sendable {
    public let cache: ExplanationCache

    public init(cache: ExplanationCache = ExplanationCache()) { self.cache = cache }

    public func explain(_ facts: ExplanationFacts) -> Explanation {
        if !cache.isEmpty, let prompt = ExplanationPrompt.text(facts), let entry = cache.lookup(prompt: prompt) {
            return Explanation(text: entry.text, source: .model(entry.model))
        }
        return TemplateExplanation.make(facts)
    }
}
