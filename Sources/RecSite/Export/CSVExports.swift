import RecEngine

/// The original tool's CSV exports. Numbers carry full precision so a
/// spreadsheet can re-check them; text cells are formula-neutralised.
public struct CSVExports {
    public let model: RecommenderModel
    public init(model: RecommenderModel) { self.model = model }

    private var items: [Item] { model.dataset.items }

    /// `user_<id>_complete_history.csv`: every history item, all content types.
    public func completeHistory(_ report: UserReport) -> String {
        history(report.history)
    }

    /// `user_<id>_movie_report.csv`: the movies-only view.
    public func movieReport(_ report: UserReport) -> String {
        history(report.moviesOnly)
    }

    private func history(_ entries: [HistoryEntry]) -> String {
        var csv = CSVWriter(header: [
            "rank", "item_id", "title", "content_type", "genre", "events", "interaction_score", "last_watched",
        ])
        for (position, entry) in entries.enumerated() {
            let item = items[Int(entry.item)]
            csv.addRow([
                .numeric(String(position + 1)), .text(item.id), .text(DisplayText.capped(item.title)), .text(DisplayText.capped(item.contentType)),
                .text(DisplayText.capped(item.genre)), .numeric(String(entry.events)), .numeric(NumberFormat.exact(entry.score)),
                .text(Timestamp(seconds: entry.lastWatched).iso8601),
            ])
        }
        return csv.text
    }

    /// `user_<id>_recommendations.csv`.
    public func recommendations(_ report: UserReport) -> String {
        recommendations(report.recommendations.map(\.recommendation), explanations: report.recommendations.map(\.explanation))
    }

    /// `user_<id>_recommendations.csv` of a list; with `explanations`, two
    /// more columns: `explanation` and `explanation_source` (`template`, or
    /// the model's name).
    public func recommendations(_ list: [Recommendation], explanations: [Explanation?]? = nil) -> String {
        var csv = CSVWriter(header: [
            "rank", "item_id", "title", "content_type", "genre", "score", "source",
            "reason_item_id", "reason_title", "reason_share",
        ] + (explanations == nil ? [] : ["explanation", "explanation_source"]))
        for (position, rec) in list.enumerated() {
            let item = items[Int(rec.item)]
            let reason = rec.reason.map { items[Int($0.item)] }
            csv.addRow([
                .numeric(String(rec.rank)), .text(item.id), .text(DisplayText.capped(item.title)), .text(DisplayText.capped(item.contentType)),
                .text(DisplayText.capped(item.genre)), .numeric(rec.score.map(NumberFormat.exact) ?? ""), .text(rec.source.rawValue),
                .text(reason?.id ?? ""), .text(DisplayText.capped(reason?.title ?? "")),
                .numeric(rec.reason.map { NumberFormat.exact($0.share) } ?? ""),
            ] + (explanations.map { all in
                let explanation = position < all.count ? all[position] : nil
                return [.text(explanation?.text ?? ""), .text(explanation?.model ?? (explanation == nil ? "" : "template"))]
            } ?? []))
        }
        return csv.text
    }

    /// `score_breakdown_<user>_<item>.csv`; several breakdowns may share one
    /// file (the site writes one file per user), so each row names its item.
    public func scoreBreakdowns(_ breakdowns: [ScoreBreakdown]) -> String {
        String(decoding: scoreBreakdownBytes(breakdowns), as: UTF8.self)
    }

    /// `user_<id>_score_breakdowns.csv`: the breakdowns of the report's cf items.
    public func scoreBreakdowns(_ report: UserReport) -> [UInt8] {
        scoreBreakdownBytes(report.recommendations.compactMap(\.breakdown))
    }

    /// The columns of a breakdown export. A row carries only its own facts:
    /// the recommendation's score and each contributor's share of it change
    /// on every row whenever one contribution moves, so they live once, in
    /// the recommendations export (score) and as contribution ÷ score. The
    /// contributors' order is the breakdown's order (docs/spec.md).
    public static let scoreBreakdownHeader = [
        "recommended_item_id", "contributor_item_id", "contributor_title", "interaction_score", "similarity",
        "contribution",
    ]

    /// `scoreBreakdowns(_:)` as UTF-8 bytes. Rows are assembled as bytes:
    /// ~800 rows per user, and appending their pieces to a `String` (with
    /// its capacity and ASCII bookkeeping per append) showed in profiles.
    public func scoreBreakdownBytes(_ breakdowns: [ScoreBreakdown]) -> [UInt8] {
        var out = Array(CSVWriter(header: Self.scoreBreakdownHeader).text.utf8)
        out.reserveCapacity(out.count + breakdowns.reduce(0) { $0 + $1.contributions.count } * 120)
        // Each contributor's ID and title cells, encoded once per file.
        var contributorCells: [Int32: [UInt8]] = [:]
        for breakdown in breakdowns {
            let target = Array((CSVWriter.encoded(.text(items[Int(breakdown.item)].id)) + ",").utf8)
            for row in breakdown.contributions {
                let contributor = contributorCells[row.item] ?? {
                    let source = items[Int(row.item)]
                    let cells = Array((CSVWriter.encoded(.text(source.id)) + "," + CSVWriter.encoded(.text(DisplayText.capped(source.title)))).utf8)
                    contributorCells[row.item] = cells
                    return cells
                }()
                out += target
                out += contributor
                for value in [row.interaction, row.similarity, row.contribution] {
                    out.append(UInt8(ascii: ","))
                    Self.appendUTF8(NumberFormat.exact(value), to: &out)
                }
                out.append(UInt8(ascii: "\r"))
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out
    }

    /// Appends `text`'s UTF-8 bytes (numbers here: small strings, copied without a heap buffer).
    private static func appendUTF8(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `item_<id>_recommended_to.csv`: every user whose top-k holds the item,
    /// by rank, then user ID order.
    public func recommendedTo(_ report: ItemReport) -> String {
        var csv = CSVWriter(header: ["rank", "user_id", "source", "score"])
        for (recipient, score) in zip(report.recipients, report.recipientScores) {
            csv.addRow([
                .numeric(String(recipient.rank)), .text(model.dataset.users[recipient.user].id),
                .text(recipient.source.rawValue), .numeric(score.map(NumberFormat.exact) ?? ""),
            ])
        }
        return csv.text
    }

    /// `popular_movies_report.csv`: movies in popularity order (all of them).
    public func popularMovies(limit: Int? = nil) -> String {
        var csv = CSVWriter(header: ["movie_rank", "global_rank", "item_id", "title", "genre", "popularity", "viewers"])
        let movies = model.popularity.ranking { items[$0].isMovie }
        for (position, item) in movies.prefix(limit ?? movies.count).enumerated() {
            let i = Int(item)
            csv.addRow([
                .numeric(String(position + 1)), .numeric(String(model.popularity.rank[i])), .text(items[i].id),
                .text(DisplayText.capped(items[i].title)), .text(DisplayText.capped(items[i].genre)), .numeric(NumberFormat.exact(model.popularity.score[i])),
                .numeric(String(model.popularity.viewers[i])),
            ])
        }
        return csv.text
    }
}
