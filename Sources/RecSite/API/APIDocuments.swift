import RecEngine

/// The static API of SPEC §9, built from a model. Each function returns one
/// JSON document; writing files is the site writer's job.
public struct APIDocuments {
    public let model: RecommenderModel
    /// `api/popular.json` lists at most this many items.
    public static let popularLimit = 100

    public init(model: RecommenderModel) { self.model = model }

    private var items: [Item] { model.dataset.items }

    /// `api/health.json`: status and the kept counts.
    public func health() -> JSONValue {
        .object([
            ("status", .string("ok")),
            ("users", .integer(model.dataset.users.count)),
            ("items", .integer(model.dataset.items.count)),
            ("events", .integer(model.dataset.events.count)),
        ])
    }

    /// `api/popular.json`: the top 100 items (all when fewer), optionally of one content type.
    public func popular(limit: Int = popularLimit, contentType: String? = nil) -> JSONValue {
        let ranking = contentType.map { type in model.popularity.ranking { items[$0].contentType == type } }
            ?? model.popularity.ranking
        let entries: [JSONValue] = ranking.prefix(limit).enumerated().map { position, item in
            let i = Int(item)
            return .object([
                ("rank", .integer(position + 1)),
            ] + itemFields(i) + [
                ("popularity", .number(model.popularity.score[i])),
                ("viewers", .integer(model.popularity.viewers[i])),
            ])
        }
        return .object([("items", .array(entries))])
    }

    /// `api/recommendations/<user_id>.json` of a report.
    public func recommendations(_ report: UserReport, k: Int) -> JSONValue {
        recommendations(user: report.index, list: report.recommendations.map(\.recommendation), k: k,
                        explanations: report.recommendations.map(\.explanation))
    }

    /// `api/recommended_to/<item_id>.json`: every user whose top-k holds the
    /// item, by rank, then user ID order, with the source and score (`null` for popular fill).
    public func recommendedTo(_ report: ItemReport) -> JSONValue {
        .object([
            ("item_id", .string(report.item.id)),
            ("k", .integer(model.config.k)),
            ("users", .array(zip(report.recipients, report.recipientScores).map { recipient, score in
                .object([
                    ("rank", .integer(recipient.rank)),
                    ("user_id", .string(model.dataset.users[recipient.user].id)),
                    ("source", .string(recipient.source.rawValue)),
                    ("score", score.map(JSONValue.number) ?? .null),
                ])
            })),
        ])
    }

    /// `api/recommendations/<user_id>.json`; each item carries its
    /// `explanation` (`{"text","source","model"}`) when `explanations` has one.
    public func recommendations(user u: Int, list: [Recommendation], k: Int,
                                explanations: [Explanation?] = []) -> JSONValue {
        let entries: [JSONValue] = list.enumerated().map { position, rec in
            let i = Int(rec.item)
            let reason: JSONValue = rec.reason.map { top in
                .object([
                    ("item_id", .string(items[Int(top.item)].id)),
                    ("title", .string(DisplayText.capped(items[Int(top.item)].title))),
                    ("share", .number(top.share)),
                ])
            } ?? .null
            return .object([
                ("rank", .integer(rec.rank)),
            ] + itemFields(i) + [
                ("score", rec.score.map { .number($0) } ?? .null),
                ("source", .string(rec.source.rawValue)),
                ("reason", reason),
            ] + (position < explanations.count ? explanations[position].map { [("explanation", Self.json($0))] } ?? [] : []))
        }
        return .object([
            ("user_id", .string(model.dataset.users[u].id)),
            ("k", .integer(k)),
            ("items", .array(entries)),
        ])
    }

    /// An item's ID, title, content type and genre, as every list of items shows them
    /// (the texts capped by `DisplayText`; `api/items.json` keeps them whole).
    private func itemFields(_ i: Int) -> [(String, JSONValue)] {
        [
            ("item_id", .string(items[i].id)),
            ("title", .string(DisplayText.capped(items[i].title))),
            ("content_type", .string(DisplayText.capped(items[i].contentType))),
            ("genre", .string(DisplayText.capped(items[i].genre))),
        ]
    }

    /// An explanation: its text, `source` (`template` or `model`) and the model's name (null for the template).
    static func json(_ explanation: Explanation) -> JSONValue {
        .object([
            ("text", .string(explanation.text)),
            ("source", .string(explanation.sourceName)),
            ("model", explanation.model.map { .string($0) } ?? .null),
        ])
    }

    /// `api/user_history/<user_id>.json`: H(u) by r descending, then ID order.
    public func userHistory(_ report: UserReport) -> JSONValue {
        userHistory(user: report.index, history: report.history)
    }

    /// `api/user_history/<user_id>.json` of user `u` with history `history`
    /// (`UserProfile.history`: r descending, then ID order).
    public func userHistory(user u: Int, history: [HistoryEntry]) -> JSONValue {
        let entries: [JSONValue] = history.map { entry in
            let i = Int(entry.item)
            return .object(itemFields(i) + [
                ("score", .number(entry.score)),
                ("events", .integer(entry.events)),
                ("last_watched", .string(Timestamp(seconds: entry.lastWatched).iso8601)),
            ])
        }
        return .object([("user_id", .string(model.dataset.users[u].id)), ("items", .array(entries))])
    }
}
