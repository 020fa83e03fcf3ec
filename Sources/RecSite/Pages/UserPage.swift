import RecEngine

/// `users/<id>.md`: one user's report — profile, summary, content breakdown,
/// genre preferences (with an SVG chart), history, movies-only view,
/// recommendations with reasons and a score breakdown per cf recommendation.
/// The tables are the template's; this gives it typed rows.
struct UserPage {
    /// History rows shown on the page; the CSV and JSON hold all of them.
    static let historyRows = 50

    /// The page and its chart (none without a history).
    struct Output {
        let page: MarkdownPage
        let chart: SiteFile?
    }

    let facts: SiteFacts
    let report: UserReport
    /// What moved since the previous build, for the page's note.
    var changes: SiteChanges? = nil

    func render(templates: TemplateLibrary) throws -> Output {
        let user = report.user
        let path = SitePaths.user(user.id)
        let total = report.totalScore
        var context: TemplateRecord = [
            "heading": .text(PageText.userLabel(user)),
            "id": .text(DisplayText.capped(user.id)),
            "name": PageText.orUnknown(user.name),
            "age": .verbatim(user.age.map(String.init) ?? "unknown"),
            "gender": PageText.orUnknown(user.gender),
            "region": PageText.orUnknown(user.region),
            "items": .count(report.history.count),
            "events": .count(report.eventCount),
            "totalScore": .verbatim(NumberFormat.interaction(total)),
            "firstActivity": .verbatim(PageText.time(report.firstActivity)),
            "lastActivity": .verbatim(PageText.time(report.lastActivity)),
            "hasHistory": .flag(!report.history.isEmpty),
            "contentTypes": .rows(report.contentBreakdown.map { GroupRow(group: $0, total: total) }),
            "genres": .rows(report.genrePreferences.map { GroupRow(group: $0, total: total) }),
            "movieGenres": .rows(report.movieGenrePreferences.map { GroupRow(group: $0, total: report.movieScore) }),
            "topGenre": report.genrePreferences.first.map { .text(DisplayText.capped($0.name)) } ?? .verbatim(PageText.none),
            "topType": report.contentBreakdown.first.map { .text(DisplayText.capped($0.name)) } ?? .verbatim(PageText.none),
            "tasteGenres": .rows(report.genrePreferences.map {
                TasteRow(group: $0, total: total, everyone: facts.globalMix.genres[$0.name] ?? 0)
            }),
            "tasteTypes": .rows(report.contentBreakdown.map {
                TasteRow(group: $0, total: total, everyone: facts.globalMix.contentTypes[$0.name] ?? 0)
            }),
            "files": .fields(files(user.id, from: path)),
            "usersIndex": .verbatim(SitePaths.link(from: path, to: SitePaths.usersIndex)),
            "methodology": .verbatim(SitePaths.link(from: path, to: SitePaths.methodology)),
            "breakdownRows": .count(BreakdownTable.shownRows),
            "chart": .none,
            "changed": UserChangeNote.markdown(user: user.id, changes: changes, from: path, facts: facts)
                .map(TemplateValue.verbatim) ?? .none,
        ]
        context = context.merging(facts.formatFlags)
        var chart: SiteFile?
        if !report.genrePreferences.isEmpty {
            let chartPath = SitePaths.userGenreChart(user.id)
            let label = "Genre preferences of \(PageText.userLabel(user))"
            context["chart"] = .verbatim(MarkdownLink.image(chartPath, from: path, alt: label))
            chart = SiteFile(path: chartPath, text: GenreChart.svg(title: label, genres: report.genrePreferences, total: total,
                                                                    everyone: facts.globalMix.genres))
        }
        context = context.merging(history(from: path)).merging(moviesOnly(from: path)).merging(recommendations(from: path))
        let page = MarkdownPage(
            path: path, title: MarkdownEscaping.plain("User " + PageText.userLabel(user)),
            breadcrumbs: PageText.usersTrail,
            markdown: try PageTemplate.render("user.md", context, with: templates))
        return Output(page: page, chart: chart)
    }

    /// History rows (`position`, the item's cells, `events`, `score`, `lastWatched`).
    private func historyRows(_ entries: some Collection<HistoryEntry>, from page: String) -> TemplateValue {
        .list(entries.enumerated().map { position, entry in
            .fields(HistoryRow(position: position + 1, entry: entry,
                               cells: ItemCells.of(Int(entry.item), from: page, facts: facts)))
        })
    }

    private func history(from page: String) -> TemplateRecord {
        let more = report.history.count - Self.historyRows
        return [
            "history": historyRows(report.history.prefix(Self.historyRows), from: page),
            "historyMore": more > 0 ? .verbatim("… \(PageText.count(more, "more item"))" + fullList(facts.formats.isDisjoint(with: [.csv, .json]))) : .none,
            "favourites": historyRows(report.favourites, from: page),
        ]
    }

    private func moviesOnly(from page: String) -> TemplateRecord {
        let movies = report.moviesOnly
        let all = report.history.count, hidden = report.hiddenByMoviesOnly
        let hiddenTypes = report.contentBreakdown.filter { $0.name != "movie" }
            .map { "\($0.items) \(MarkdownEscaping.text($0.name))" }.joined(separator: ", ")
        let summary: String
        if all == 0 {
            summary = "No history, so the movies-only view is empty."
        } else if hidden == 0 {
            summary = "All \(PageText.count(all, "history item")) are movies; this view hides nothing."
        } else {
            summary = "\(movies.count) of \(PageText.count(all, "history item")) \(movies.count == 1 ? "is a movie" : "are movies"); "
                + "the \(hidden) non-movie \(hidden == 1 ? "item" : "items") (\(hiddenTypes)) "
                + "\(hidden == 1 ? "is" : "are") hidden in this view."
        }
        let more = movies.count - Self.historyRows
        return [
            "moviesSummary": .verbatim(summary),
            "movies": historyRows(movies.prefix(Self.historyRows), from: page),
            "hasMovies": .flag(!movies.isEmpty),
            "moviesMore": more > 0 ? .verbatim("… \(PageText.count(more, "more movie"))" + fullList(!facts.formats.contains(.csv))) : .none,
        ]
    }

    private func recommendations(from page: String) -> TemplateRecord {
        let list = report.recommendations
        let cfCount = report.collaborative.count
        let fillReason = cfCount == 0
            ? "Popular item, filling the list: no item has a positive score"
            : "Popular item, filling the list: only \(PageText.count(cfCount, "item has", "items have")) a positive score"
        var rows: [TemplateValue] = []
        var breakdowns: [TemplateValue] = []
        for entry in list {
            let rec = entry.recommendation
            let item = facts.items[entry.item]
            // The breakdown's heading, and its anchor as GitHub and the HTML make it.
            let heading = rec.score.map { "\(rec.rank). " + PageText.itemLabel(item) + " — score " + NumberFormat.score($0) }
            let anchor = entry.breakdown == nil ? nil : heading.map(HeadingAnchor.slug)
            let reason = rec.reason.map { top in
                "Because you watched " + ItemCells.titleLink(Int(top.item), from: page, facts: facts)
                    + " (\(NumberFormat.percent(top.share)) of the score)"
            } ?? fillReason
            rows.append(.fields(ItemRow(cells: ItemCells.of(entry.item, from: page, facts: facts), extra: [
                "rank": .count(rec.rank),
                "score": .verbatim(rec.score.map(NumberFormat.score) ?? PageText.none),
                "source": .verbatim(rec.source.rawValue),
                "reason": .verbatim(reason),
                "explanation": .text(entry.explanation?.text),
                "explanationSource": .text(entry.explanation?.label),
                "why": .verbatim(anchor.map { "[breakdown](#\($0))" } ?? PageText.none),
            ])))
            if let breakdown = entry.breakdown, let score = rec.score, let anchor {
                var table = BreakdownTable.context(breakdown, score: score, from: page, facts: facts)
                table["heading"] = .verbatim("\(rec.rank). " + MarkdownEscaping.text(PageText.itemLabel(item))
                    + " — score " + NumberFormat.score(score))
                table["anchor"] = .verbatim(anchor)
                table["label"] = .verbatim("\(rec.rank). " + MarkdownEscaping.text(PageText.itemLabel(item)))
                breakdowns.append(.fields(table))
            }
        }
        let summary = list.isEmpty
            ? "No recommendations: every item of the catalogue is in this history."
            : "k = \(facts.k): \(cfCount) from collaborative filtering, \(list.count - cfCount) popular fill."
        return ["recommendationsSummary": .verbatim(summary), "recommendations": .list(rows),
                "hasRecommendations": .flag(!list.isEmpty), "breakdowns": .list(breakdowns),
                "hasBreakdowns": .flag(!breakdowns.isEmpty)]
    }

    /// The tail of "… N more items": the template links the files that hold the full list, if the build writes them.
    private func fullList(_ unpublished: Bool) -> String {
        unpublished ? "; the file with the full list is not published in this build" : " — full list in the"
    }

    private func files(_ id: String, from page: String) -> TemplateRecord {
        func link(_ path: String) -> TemplateValue { .verbatim(SitePaths.link(from: page, to: path)) }
        return [
            "recommendationsJSON": link(SitePaths.recommendationsJSON(id)),
            "historyJSON": link(SitePaths.userHistoryJSON(id)),
            "historyCSV": link(SitePaths.completeHistoryCSV(id)),
            "recommendationsCSV": link(SitePaths.recommendationsCSV(id)),
            "movieReportCSV": link(SitePaths.movieReportCSV(id)),
            "breakdownsCSV": link(SitePaths.scoreBreakdownsCSV(id)),
        ]
    }
}

/// A content type's or genre's row: `name`, `items`, `score`, `share` (of `total`).
struct GroupRow: TemplateFields {
    let group: GroupTotal
    let total: Double

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": return .text(group.name)
        case "items": return .count(group.items)
        case "score": return .verbatim(NumberFormat.interaction(group.score))
        case "share": return .verbatim(PageText.share(group.score, of: total))
        default: return nil
        }
    }
}

/// A history row: `position`, the item's cells, `events`, `score`, `lastWatched`.
struct HistoryRow: TemplateFields {
    let position: Int
    let entry: HistoryEntry
    let cells: ItemCells

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "position": return .count(position)
        case "events": return .count(entry.events)
        case "score": return .verbatim(NumberFormat.interaction(entry.score))
        case "lastWatched": return .verbatim(PageText.time(entry.lastWatched))
        default: return cells.value(for: key)
        }
    }
}

/// A genre's or content type's share of the user's score beside its share of
/// everyone's: `name`, `you`, `everyone`, `difference` (percentage points).
struct TasteRow: TemplateFields {
    let group: GroupTotal
    let total: Double
    let everyone: Double

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "name": return .text(group.name)
        case "you": return .verbatim(PageText.share(group.score, of: total))
        case "everyone": return .verbatim(NumberFormat.percent(everyone))
        case "difference":
            guard total > 0 else { return .verbatim(PageText.none) }
            let points = (group.score / total - everyone) * 100
            let text = NumberFormat.fixed(abs(points), 1)
            return .verbatim(text == "0.0" ? "0.0" : (points > 0 ? "+" : "−") + text)
        default: return nil
        }
    }
}
