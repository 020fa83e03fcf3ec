import RecEngine

/// The original tool's CSV exports. Numbers carry full precision so a
/// spreadsheet can re-check them; text cells are formula-neutralised.
public struct CSVExports {
    public let model: RecommenderModel
    public init(model: RecommenderModel) { self.model = model }

    private var items: [Item] { model.dataset.items }

    /// `user_<id>_complete_history.csv`: every history item, all content types.
    public func completeHistory(profile: UserProfile) -> String {
        history(profile.history)
    }

    /// `user_<id>_movie_report.csv`: the movies-only view.
    public func movieReport(profile: UserProfile) -> String {
        history(profile.moviesOnly(items: items))
    }

    private func history(_ entries: [HistoryEntry]) -> String {
        var csv = CSVWriter(header: [
            "rank", "item_id", "title", "content_type", "genre", "events", "interaction_score", "last_watched",
        ])
        for (position, entry) in entries.enumerated() {
            let item = items[Int(entry.item)]
            csv.addRow([
                .numeric(String(position + 1)), .text(item.id), .text(item.title), .text(item.contentType),
                .text(item.genre), .numeric(String(entry.events)), .numeric(NumberFormat.exact(entry.score)),
                .text(Timestamp(seconds: entry.lastWatched).iso8601),
            ])
        }
        return csv.text
    }

    /// `user_<id>_recommendations.csv`.
    public func recommendations(_ list: [Recommendation]) -> String {
        var csv = CSVWriter(header: [
            "rank", "item_id", "title", "content_type", "genre", "score", "source",
            "reason_item_id", "reason_title", "reason_share",
        ])
        for rec in list {
            let item = items[Int(rec.item)]
            let reason = rec.reason.map { items[Int($0.item)] }
            csv.addRow([
                .numeric(String(rec.rank)), .text(item.id), .text(item.title), .text(item.contentType),
                .text(item.genre), .numeric(rec.score.map(NumberFormat.exact) ?? ""), .text(rec.source.rawValue),
                .text(reason?.id ?? ""), .text(reason?.title ?? ""),
                .numeric(rec.reason.map { NumberFormat.exact($0.share) } ?? ""),
            ])
        }
        return csv.text
    }

    /// `score_breakdown_<user>_<item>.csv`; several breakdowns may share one
    /// file (the site writes one file per user), so each row names its item.
    public func scoreBreakdowns(_ breakdowns: [ScoreBreakdown]) -> String {
        var csv = CSVWriter(header: [
            "user_id", "recommended_item_id", "recommended_title", "score", "contributor_rank",
            "contributor_item_id", "contributor_title", "interaction_score", "similarity", "contribution", "share",
        ])
        csv.reserveCapacity(breakdowns.reduce(0) { $0 + $1.contributions.count } * 160)
        // Rows are built as text: ~800 rows per user, and a [Cell] per row
        // and re-encoding each contributor's ID and title showed in profiles.
        var contributorCells: [Int32: String] = [:]
        var line = ""
        for breakdown in breakdowns {
            let target = items[Int(breakdown.item)]
            // The four cells every row of this recommendation repeats, encoded once.
            let prefix = [
                CSVWriter.Cell.text(model.dataset.users[Int(breakdown.user)].id), .text(target.id), .text(target.title),
                .numeric(NumberFormat.exact(breakdown.score)),
            ].map { CSVWriter.encoded($0) + "," }.joined()
            for (position, row) in breakdown.contributions.enumerated() {
                let contributor = contributorCells[row.item] ?? {
                    let source = items[Int(row.item)]
                    let cells = CSVWriter.encoded(.text(source.id)) + "," + CSVWriter.encoded(.text(source.title))
                    contributorCells[row.item] = cells
                    return cells
                }()
                line.removeAll(keepingCapacity: true)
                line += prefix
                line += String(position + 1)
                line += ","
                line += contributor
                for value in [row.interaction, row.similarity, row.contribution, row.share] {
                    line += ","
                    line += NumberFormat.exact(value)
                }
                csv.addEncodedRow(line)
            }
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
                .text(items[i].title), .text(items[i].genre), .numeric(NumberFormat.exact(model.popularity.score[i])),
                .numeric(String(model.popularity.viewers[i])),
            ])
        }
        return csv.text
    }
}
