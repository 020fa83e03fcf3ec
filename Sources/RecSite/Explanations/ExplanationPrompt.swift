/// The prompt a language model gets for one recommendation: an instruction
/// and the facts (`ExplanationFacts`), nothing else — no user name, no
/// other items. The cache key is a hash of this text and the model's name,
/// so a change of facts, wording or model asks again.
public enum ExplanationPrompt {
    /// Only cf items get a prompt: a popular-fill item has no facts a
    /// model could add to (it keeps the template sentence).
    public static func text(_ facts: ExplanationFacts) -> String? {
        guard facts.source == .cf, !facts.contributors.isEmpty else { return nil }
        func share(_ s: ExplanationFacts.Share) -> String { "\(s.name) \(NumberFormat.percent(s.share))" }
        var lines = [
            "Explain in one or two short, plain sentences why a streaming service recommends this title to a viewer.",
            "Use only the facts below. Do not mention any other title, item, person or number; do not invent reasons.",
            "Write titles exactly as given, in double quotes. Percentages may be quoted as given or rounded to whole numbers.",
            "",
            "Recommended title: \"\(facts.item.title)\" (\(facts.item.type), \(facts.item.genre))",
            "Titles the viewer watched that make up its score, with their share of the score:",
        ]
        for contributor in facts.contributors {
            lines.append("- \"\(contributor.title.title)\" (\(contributor.title.type), \(contributor.title.genre)): "
                + NumberFormat.percent(contributor.share))
        }
        lines.append("Titles contributing in all: \(facts.contributorCount)")
        lines.append("Viewer's top genres (share of viewing): " + facts.topGenres.map(share).joined(separator: ", "))
        lines.append("Viewer's top content types (share of viewing): " + facts.topTypes.map(share).joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// The system message for chat servers.
    public static let system = "You explain recommendations using only the facts you are given."
}
