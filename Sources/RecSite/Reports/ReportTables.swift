import RecEngine

/// Terminal tables shared by the command reports.
enum ReportTables {
    static func history(_ entries: [HistoryEntry], items: [Item]) -> String {
        var table = TextTable([
            ("#", .right), ("Item", .left), ("Title", .left), ("Type", .left), ("Genre", .left),
            ("Events", .right), ("Score", .right), ("Last watched", .left),
        ])
        for (position, entry) in entries.enumerated() {
            let item = items[Int(entry.item)]
            table.add([String(position + 1), item.id, item.title, item.contentType, item.genre, String(entry.events),
                       NumberFormat.interaction(entry.score), Timestamp(seconds: entry.lastWatched).iso8601])
        }
        return entries.isEmpty ? "  (none)" : table.render()
    }

    static func groups(_ groups: [GroupTotal], label: String, total: Double) -> String {
        var table = TextTable([(label, .left), ("Items", .right), ("Score", .right), ("Share", .right)])
        for group in groups {
            table.add([group.name, String(group.items), NumberFormat.interaction(group.score),
                       total > 0 ? NumberFormat.percent(group.score / total) : "-"])
        }
        return groups.isEmpty ? "  (none)" : table.render()
    }

    static func recommendations(_ list: [Recommendation], items: [Item]) -> String {
        var table = TextTable([
            ("Rank", .right), ("Item", .left), ("Title", .left), ("Type", .left), ("Genre", .left),
            ("Score", .right), ("Source", .left), ("Reason", .left),
        ])
        for rec in list {
            let item = items[Int(rec.item)]
            table.add([String(rec.rank), item.id, item.title, item.contentType, item.genre,
                       rec.score.map(NumberFormat.score) ?? "-", rec.source.rawValue, reason(rec, items: items)])
        }
        return list.isEmpty ? "  (none)" : table.render()
    }

    static func reason(_ rec: Recommendation, items: [Item]) -> String {
        guard let top = rec.reason else { return "Popular: fills the list" }
        return "Because you watched \(items[Int(top.item)].title) (\(NumberFormat.percent(top.share)) of the score)"
    }

    static func popular(_ ranking: [Int32], model: RecommenderModel, rankLabel: String = "Rank") -> String {
        var table = TextTable([
            (rankLabel, .right), ("Item", .left), ("Title", .left), ("Type", .left), ("Genre", .left),
            ("Popularity", .right), ("Viewers", .right),
        ])
        let items = model.dataset.items
        for (position, item) in ranking.enumerated() {
            let i = Int(item)
            table.add([String(position + 1), items[i].id, items[i].title, items[i].contentType, items[i].genre,
                       NumberFormat.interaction(model.popularity.score[i]), String(model.popularity.viewers[i])])
        }
        return ranking.isEmpty ? "  (none)" : table.render()
    }

    static func contentTypes(_ rows: [ContentTypeStatistics]) -> String {
        let total = rows.reduce(0) { $0 + $1.popularity }
        var table = TextTable([
            ("Type", .left), ("Items", .right), ("Watched", .right), ("Events", .right), ("Viewers", .right),
            ("Popularity", .right), ("Share", .right),
        ])
        for row in rows {
            table.add([row.contentType, String(row.items), String(row.watchedItems), String(row.events),
                       String(row.viewers), NumberFormat.interaction(row.popularity),
                       total > 0 ? NumberFormat.percent(row.popularity / total) : "-"])
        }
        return table.render()
    }

    static func profileLines(_ user: User) -> String {
        let age = user.age.map(String.init) ?? "unknown"
        func shown(_ text: String) -> String { text.isEmpty ? "unknown" : text }
        return "  Name: \(shown(user.name))\n  Age: \(age)\n  Gender: \(shown(user.gender))\n  Region: \(shown(user.region))"
    }
}
