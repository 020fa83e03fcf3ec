/// recsite's own explanation of a recommendation: one or two sentences
/// chosen by the facts (never at random), so the same facts give the same
/// words and different facts different ones.
///
/// - A cf item names its largest contributors with their shares, says
///   whether one title dominates (≥ 50% of the score), a few carry it, or
///   many small ones add up, and what they share with the item (genre,
///   content type).
/// - A popular-fill item says it is fill, and why: no history, no title
///   linked to the history, or too few.
/// - A second sentence places the item's genre in the user's viewing.
public enum TemplateExplanation {
    /// A contributor with at least this share dominates the score.
    static let dominant = 0.5

    public static func make(_ facts: ExplanationFacts) -> Explanation {
        var shape: [String] = [], sentences: [String] = []
        if facts.source == .cf, let first = facts.contributors.first {
            sentences.append(collaborative(facts, first: first, shape: &shape))
        } else {
            sentences.append(fill(facts, shape: &shape))
        }
        if let fit = genreFit(facts, shape: &shape) { sentences.append(fit) }
        return Explanation(text: sentences.joined(separator: " "), source: .template, shape: shape.joined(separator: "."))
    }

    private static func collaborative(_ facts: ExplanationFacts, first: ExplanationFacts.Contributor,
                                      shape: inout [String]) -> String {
        let item = facts.item, named = facts.contributors
        let top = named.reduce(0) { $0 + $1.share }
        if first.share >= dominant {
            shape.append("dominant")
            var text = "Mostly because you watched \(quoted(first)) (\(percent(first.share)) of the score), "
            text += kinship(first.title, with: item, shape: &shape)
            if facts.contributorCount == 1 {
                shape.append("alone")
                text += "; no other title you watched adds to it."
            } else if named.count > 1 {
                shape.append("second")
                text += "; \(quoted(named[1])) adds \(percent(named[1].share))"
                text += facts.contributorCount > 2 ? ", and \(count(facts.contributorCount - 2, "other title")) the rest." : "."
            }
            return text
        }
        let sharing = named.filter { $0.title.genre == item.genre }, sameGenre = sharing.count
        let list = joined(named.map { "\(quoted($0)) (\(percent($0.share)))" })
        var text: String
        if top >= dominant {
            shape.append("few")
            text = "\(list) carry most of the score"
        } else {
            shape.append("many")
            text = "\(facts.contributorCount) titles you watched add up to this score, none above \(percent(first.share)); "
                + "the largest are \(list)"
        }
        if sameGenre == named.count {
            shape.append("all-genre")
            text += named.count == 2 ? ", both \(item.genre) like this \(item.type)." : ", all \(item.genre) like this \(item.type)."
        } else if sameGenre > 0 {
            shape.append("some-genre")
            text += ", and \(joined(sharing.map(quoted))) \(sameGenre == 1 ? "shares" : "share") its genre, \(item.genre)."
        } else {
            shape.append("no-genre")
            text += ", though none of them is \(item.genre): viewers link them, not genre."
        }
        return text
    }

    /// What contributor `k` has in common with the item `j`.
    private static func kinship(_ k: ExplanationFacts.Title, with j: ExplanationFacts.Title, shape: inout [String]) -> String {
        switch (k.genre == j.genre, k.type == j.type) {
        case (true, true):
            shape.append("same-both")
            return "another \(j.genre) \(j.type)"
        case (true, false):
            shape.append("same-genre")
            return "a \(k.type) of the same genre, \(j.genre)"
        case (false, true):
            shape.append("same-type")
            return "also a \(j.type), though \(k.genre) rather than \(j.genre)"
        case (false, false):
            shape.append("unlike")
            return "a \(k.genre) \(k.type): the link is shared viewers, not genre or type"
        }
    }

    private static func fill(_ facts: ExplanationFacts, shape: inout [String]) -> String {
        let pick = "A popular pick (#\(facts.popularityRank) overall, \(count(facts.viewers, "viewer")))"
        if facts.historyCount == 0 {
            shape.append("fill.no-history")
            return pick + ": with no viewing history yet, there is nothing to compare with."
        }
        if facts.collaborativeCount == 0 {
            shape.append("fill.no-similar")
            return pick + ": no viewer of your \(count(facts.historyCount, "title")) watched anything else you have not seen, "
                + "so the list is filled by popularity."
        }
        shape.append("fill.too-few")
        return pick + " filling the list: only \(count(facts.collaborativeCount, "title")) "
            + "\(facts.collaborativeCount == 1 ? "is" : "are") linked to what you watched."
    }

    /// The item's genre in the user's viewing; none without a history.
    private static func genreFit(_ facts: ExplanationFacts, shape: inout [String]) -> String? {
        guard facts.historyCount > 0, let favourite = facts.topGenres.first else { return nil }
        let genre = facts.item.genre
        if genre == favourite.name {
            shape.append("fit.top")
            return "\(capitalised(genre)) is your most-watched genre (\(percent(favourite.share)) of your viewing)."
        }
        if facts.genreShare > 0 {
            shape.append("fit.some")
            return "\(capitalised(genre)) makes up \(percent(facts.genreShare)) of your viewing; \(favourite.name) leads."
        }
        shape.append("fit.new")
        return "Your history has no \(genre) yet; you mostly watch \(favourite.name)."
    }

    static func quoted(_ contributor: ExplanationFacts.Contributor) -> String { "“\(contributor.title.title)”" }

    static func percent(_ fraction: Double) -> String { NumberFormat.percent(fraction) }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "a", "a and b", "a, b and c".
    private static func joined(_ parts: [String]) -> String {
        parts.count <= 2 ? parts.joined(separator: " and ") : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}
