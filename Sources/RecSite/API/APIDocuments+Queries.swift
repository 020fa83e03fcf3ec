import RecEngine

/// The documents `recsite serve` answers that a build does not write in the
/// same form: any user's list at any k (the build writes the default k), and
/// one item's score breakdown as JSON. They reuse the static API's encoders,
/// so `/recommendations?user_id=u&k=<default>` is `api/recommendations/u.json`.
extension APIDocuments {
    /// User u's top-k with reasons and explanations: the document of
    /// `api/recommendations/<user_id>.json` for any k.
    /// - Complexity: O(score(u) + k × |H(u)| × log neighbours) for the breakdowns.
    public func recommendations(user u: Int, k: Int, explainer: Explainer) -> JSONValue {
        let entries = ReportBuilder.recommendedItems(u, list: model.recommendations(user: u, k: k), model: model,
                                                     explainer: explainer)
        return recommendations(user: u, list: entries.map(\.recommendation), k: k, explanations: entries.map(\.explanation))
    }

    /// User u's history: the document of `api/user_history/<user_id>.json`.
    public func userHistory(user u: Int) -> JSONValue {
        userHistory(user: u, history: model.profile(user: u).history)
    }

    /// `score(u,j)` broken into its contributions (SPEC §5), as `recsite
    /// explain` prints it: `user_id`, the item's facts, `score`,
    /// `in_history`, and `contributions` (every history item k with
    /// `c_k > 0`, by contribution descending: `item_id`, `title`,
    /// `interaction_score` r(u,k), `similarity` sim(j,k), `contribution`,
    /// `share` of the score).
    public func scoreBreakdown(user u: Int, item j: Int) -> JSONValue {
        let breakdown = model.breakdown(user: u, item: j)
        let item = model.dataset.items[j]
        return .object([
            ("user_id", .string(model.dataset.users[u].id)),
            ("item_id", .string(item.id)),
            ("title", .string(item.title)),
            ("content_type", .string(item.contentType)),
            ("genre", .string(item.genre)),
            ("score", .number(breakdown.score)),
            ("in_history", .bool(breakdown.inHistory)),
            ("contributions", .array(breakdown.contributions.map { row in
                let source = model.dataset.items[Int(row.item)]
                return .object([
                    ("item_id", .string(source.id)),
                    ("title", .string(source.title)),
                    ("interaction_score", .number(row.interaction)),
                    ("similarity", .number(row.similarity)),
                    ("contribution", .number(row.contribution)),
                    ("share", .number(row.share)),
                ])
            })),
        ])
    }
}
