import RecEngine

/// The plain-words explanation of one recommendation: a sentence made from
/// the facts of its score (`TemplateExplanation`), or a language model's
/// reply to a prompt of the same facts, read from the committed cache
/// (`ExplanationCache`). Which one it is is always shown.
public struct Explanation: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// recsite's own sentence.
        case template
        /// Text a language model wrote (the model's name), from the cache.
        case model(String)
    }

    public let text: String
    public let source: Source
    /// The template branch behind the sentence (`"cf.dominant.same-both…"`);
    /// for counting shapes (`recsite explanations`). Empty for model text.
    public let shape: String

    public init(text: String, source: Source, shape: String = "") {
        self.text = text
        self.source = source
        self.shape = shape
    }

    /// `template`, or `model` for model text.
    public var sourceName: String {
        if case .model = source { return "model" }
        return "template"
    }

    /// The model's name, for model text.
    public var model: String? {
        if case .model(let name) = source { return name }
        return nil
    }

    /// How pages mark it: "template" or "written by <model>".
    public var label: String { model.map { "written by \($0)" } ?? "template" }
}

/// Everything an explanation may say about one recommendation, and nothing
/// more: the prompt carries exactly these facts, and a model's reply naming
/// anything else is rejected (`ReplyCheck`).
public struct ExplanationFacts: Sendable, Equatable {
    /// An item as the explanation names it.
    public struct Title: Sendable, Equatable {
        public let id: String
        public let title: String
        public let type: String
        public let genre: String

        /// Values capped as everywhere they are shown (`DisplayText`), so a
        /// huge title is not copied into every explanation that names it.
        init(_ item: Item) {
            id = item.id
            title = DisplayText.capped(item.title)
            type = DisplayText.capped(item.contentType)
            genre = DisplayText.capped(item.genre)
        }
    }

    /// A named part of the user's viewing, with its share of Σ r.
    public struct Share: Sendable, Equatable {
        public let name: String
        public let share: Double
    }

    /// A history item behind a score, with its share of the score.
    public struct Contributor: Sendable, Equatable {
        public let title: Title
        public let share: Double
    }

    /// How many contributors the facts name at most.
    public static let contributorLimit = 3
    /// How many genres and content types of the user's viewing they name.
    public static let genreLimit = 3, typeLimit = 2

    public let userID: String
    public let item: Title
    public let rank: Int
    public let source: RecommendationSource
    /// The largest contributors (cf only), largest first.
    public let contributors: [Contributor]
    /// How many history items contribute to the score (cf only).
    public let contributorCount: Int
    /// The user's top genres and content types by share of Σ r.
    public let topGenres: [Share]
    public let topTypes: [Share]
    /// The share of Σ r in the item's own genre (0 when the user has none).
    public let genreShare: Double
    /// |H(u)|, and how many of the list are cf items.
    public let historyCount: Int
    public let collaborativeCount: Int
    /// The item's popularity rank and viewers (SPEC §6).
    public let popularityRank: Int
    public let viewers: Int

    /// The facts of `rec` in a user's list.
    /// - Parameters:
    ///   - genres, types: the user's genre preferences and content breakdown (display order).
    public init(userID: String, recommendation rec: Recommendation, breakdown: ScoreBreakdown?,
                genres: [GroupTotal], types: [GroupTotal], totalScore: Double, historyCount: Int,
                collaborativeCount: Int, model: RecommenderModel) {
        let items = model.dataset.items
        let item = items[Int(rec.item)]
        func share(_ group: GroupTotal) -> Share { Share(name: group.name, share: totalScore > 0 ? group.score / totalScore : 0) }
        self.userID = userID
        self.item = Title(item)
        rank = rec.rank
        source = rec.source
        contributors = (breakdown?.contributions.prefix(Self.contributorLimit) ?? []).map {
            Contributor(title: Title(items[Int($0.item)]), share: $0.share)
        }
        contributorCount = breakdown?.contributions.count ?? 0
        topGenres = genres.prefix(Self.genreLimit).map(share)
        topTypes = types.sorted {  // score descending, then name (code points)
            $0.score != $1.score ? $0.score > $1.score : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }.prefix(Self.typeLimit).map(share)
        genreShare = genres.first { $0.name == item.genre }.map { share($0).share } ?? 0
        self.historyCount = historyCount
        self.collaborativeCount = collaborativeCount
        popularityRank = model.popularity.rank[Int(rec.item)]
        viewers = model.popularity.viewers[Int(rec.item)]
    }
}
