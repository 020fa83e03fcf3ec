import RecEngine

/// `users/<id>.md`: one user's profile, summary, content breakdown, genre
/// preferences (with an SVG chart), history, movies-only view,
/// recommendations with reasons and a score breakdown per cf recommendation.
struct UserPage {
    /// History rows shown on the page; the CSV and JSON hold all of them.
    static let historyRows = 50

    /// The page and its chart (none without a history).
    struct Output {
        let page: MarkdownPage
        let chart: SiteFile?
    }

    let facts: SiteFacts
    let user: Int

    func render(templates: TemplateLibrary) throws -> Output {
        let user = facts.users[self.user]
        let path = SitePaths.user(user.id)
        let (profile, genres) = profileAndGenres()
        let total = profile.totalScore
        let contentTypes = profile.contentBreakdown(items: facts.items)
        let typeRows = groups(contentTypes, total: total), genreRows = groups(genres, total: total)
        var context: PageContext = [
            "heading": MarkdownEscaping.text(PageText.userLabel(user)),
            "id": MarkdownEscaping.text(user.id),
            "name": PageText.orUnknown(user.name),
            "age": user.age.map(String.init) ?? "unknown",
            "gender": PageText.orUnknown(user.gender),
            "region": PageText.orUnknown(user.region),
            "items": String(profile.history.count),
            "events": String(profile.eventCount),
            "totalScore": NumberFormat.interaction(total),
            "firstActivity": PageText.time(facts.activity.first[self.user]),
            "lastActivity": PageText.time(facts.activity.last[self.user]),
            "hasHistory": !profile.history.isEmpty,
            "contentTypes": typeRows,
            "genres": genreRows,
            "contentTypesTable": groupTable("Type", typeRows),
            "genresTable": groupTable("Genre", genreRows),
            "files": files(user.id, from: path),
            "usersIndex": SitePaths.link(from: path, to: SitePaths.usersIndex),
            "methodology": SitePaths.link(from: path, to: SitePaths.methodology),
            "breakdownRows": String(BreakdownTable.shownRows),
        ]
        var chart: SiteFile?
        if !genres.isEmpty {
            let chartPath = SitePaths.userGenreChart(user.id)
            let label = "Genre preferences of \(PageText.userLabel(user))"
            context["chart"] = MarkdownLink.image(chartPath, from: path, alt: label)
            chart = SiteFile(path: chartPath, text: GenreChart.svg(title: label, genres: genres, total: total))
        }
        context.merge(history(profile, from: path)) { $1 }
        context.merge(moviesOnly(profile, contentTypes: contentTypes, from: path)) { $1 }
        context.merge(recommendations(from: path)) { $1 }
        let page = MarkdownPage(
            path: path, title: MarkdownEscaping.plain("User " + PageText.userLabel(user)),
            breadcrumbs: PageText.usersTrail,
            markdown: try PageTemplate.render("user.md", context, with: templates))
        return Output(page: page, chart: chart)
    }

    /// The user's row of `users/index.md`, from the same numbers as the page
    /// but without rendering it (the index is rendered before the user pages).
    func indexRow() -> Row {
        let user = facts.users[self.user]
        let (profile, genres) = profileAndGenres()
        return [
            "id": MarkdownLink.to(SitePaths.user(user.id), from: SitePaths.usersIndex, text: user.id),
            "name": user.name.isEmpty ? PageText.none : MarkdownEscaping.text(user.name),
            "region": user.region.isEmpty ? PageText.none : MarkdownEscaping.text(user.region),
            "items": String(profile.history.count),
            "events": String(profile.eventCount),
            "totalScore": NumberFormat.interaction(profile.totalScore),
            "topGenre": genres.first.map { MarkdownEscaping.text($0.name) } ?? PageText.none,
        ]
    }

    /// The history and genre totals that both the page and its index row show.
    private func profileAndGenres() -> (profile: UserProfile, genres: [GroupTotal]) {
        let profile = facts.model.profile(user: user)
        return (profile, profile.genrePreferences(items: facts.items))
    }

    private func groups(_ groups: [GroupTotal], total: Double) -> [Row] {
        groups.map {
            ["name": MarkdownEscaping.text($0.name), "items": String($0.items),
             "score": NumberFormat.interaction($0.score), "share": PageText.share($0.score, of: total)]
        }
    }

    /// The content-breakdown or genre table of `groups`' rows: `first` names the group column.
    private func groupTable(_ first: String, _ rows: [Row]) -> String {
        var table = MarkdownTable([first: .left, "Items": .right, "Score": .right, "Share": .right],
                                  reservingRows: rows.count)
        for row in rows {
            table.addRow(["name", "items", "score", "share"].map { row[$0, default: ""] })
        }
        return table.text
    }

    /// The history table (all content types), or the movies-only one without the type column.
    private func historyTable(_ entries: some Collection<HistoryEntry>, from page: String, withType: Bool) -> String {
        var table = withType
            ? MarkdownTable(["#": .right, "Title": .left, "Type": .left, "Genre": .left, "Events": .right,
                             "Score": .right, "Last watched": .left], reservingRows: entries.count)
            : MarkdownTable(["#": .right, "Title": .left, "Genre": .left, "Events": .right,
                             "Score": .right, "Last watched": .left], reservingRows: entries.count)
        for (position, entry) in entries.enumerated() {
            let cells = ItemCells.of(Int(entry.item), from: page, facts: facts)
            var row = [String(position + 1), cells.title]
            if withType { row.append(cells.type) }
            row += [cells.genre, String(entry.events), NumberFormat.interaction(entry.score),
                    PageText.time(entry.lastWatched)]
            table.addRow(row)
        }
        return table.text
    }

    private func history(_ profile: UserProfile, from page: String) -> PageContext {
        let more = profile.history.count - Self.historyRows
        var context: PageContext = [
            "historyTable": historyTable(profile.history.prefix(Self.historyRows), from: page, withType: true),
        ]
        if more > 0 { context["historyMore"] = "… \(PageText.count(more, "more item")) — full list in the" }
        return context
    }

    private func moviesOnly(_ profile: UserProfile, contentTypes: [GroupTotal], from page: String) -> PageContext {
        let movies = profile.moviesOnly(items: facts.items)
        let all = profile.history.count, hidden = all - movies.count
        let hiddenTypes = contentTypes.filter { $0.name != "movie" }
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
        var context: PageContext = [
            "moviesSummary": summary,
            "moviesTable": historyTable(movies.prefix(Self.historyRows), from: page, withType: false),
            "hasMovies": !movies.isEmpty,
        ]
        if more > 0 { context["moviesMore"] = "… \(PageText.count(more, "more movie")) — full list in the" }
        return context
    }

    private func recommendations(from page: String) -> PageContext {
        let list = facts.recommendations[user]
        let cf = list.filter { $0.source == .cf }
        let fillReason = cf.isEmpty
            ? "Popular item, filling the list: no item has a positive score"
            : "Popular item, filling the list: only \(PageText.count(cf.count, "item has", "items have")) a positive score"
        var table = MarkdownTable(["Rank": .right, "Title": .left, "Type": .left, "Genre": .left, "Score": .right,
                                   "Source": .left, "Reason": .left], reservingRows: list.count)
        var breakdowns: [PageContext] = []
        for rec in list {
            let item = facts.items[Int(rec.item)]
            let cells = ItemCells.of(Int(rec.item), from: page, facts: facts)
            let reason = rec.reason.map { top in
                "Because you watched " + ItemCells.titleLink(Int(top.item), from: page, facts: facts)
                    + " (\(NumberFormat.percent(top.share)) of the score)"
            } ?? fillReason
            table.addRow(String(rec.rank), cells.title, cells.type, cells.genre,
                         rec.score.map(NumberFormat.score) ?? PageText.none, rec.source.rawValue, reason)
            if let score = rec.score {
                let breakdown = facts.model.recommender.breakdown(user: user, item: Int(rec.item))
                var context = BreakdownTable.context(breakdown, score: score, from: page, facts: facts)
                context["heading"] = "\(rec.rank). " + MarkdownEscaping.text(PageText.itemLabel(item))
                    + " — score " + NumberFormat.score(score)
                breakdowns.append(context)
            }
        }
        let summary = list.isEmpty
            ? "No recommendations: every item of the catalogue is in this history."
            : "k = \(facts.k): \(cf.count) from collaborative filtering, \(list.count - cf.count) popular fill."
        return ["recommendationsSummary": summary, "recommendationsTable": table.text, "hasRecommendations": !list.isEmpty,
                "breakdowns": breakdowns, "hasBreakdowns": !breakdowns.isEmpty]
    }

    private func files(_ id: String, from page: String) -> Row {
        func link(_ path: String) -> String { SitePaths.link(from: page, to: path) }
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
