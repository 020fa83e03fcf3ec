/// The note on a user's page that says what moved for the user since the
/// previous build, in one sentence, linking the items and `changes.md`.
enum UserChangeNote {
    /// The note as Markdown, or `nil` when nothing moved for the user.
    static func markdown(user id: String, changes: SiteChanges?, from page: String, facts: SiteFacts) -> String? {
        guard let changes, let change = changes.change(user: id), let titles = changes.comparison?.titles else { return nil }
        func item(_ id: String) -> ChangeReport.Piece { .item(id: id, title: titles[id] ?? id) }
        var parts: [ChangeReport.Line] = []
        if change.isNew { parts.append([.text("new in this build")]) }
        if change.profileChanged { parts.append([.text("profile changed")]) }
        if let events = change.events {
            parts.append([.text(events.new == events.old ? "kept events changed (still \(events.new))"
                : "kept events \(events.old) → \(events.new)")])
        }
        if let list = change.list {
            for (label, entries) in [("entered", list.entered), ("left", list.left)] where !entries.isEmpty {
                var line: ChangeReport.Line = [.text(label + " ")]
                for (index, entry) in entries.enumerated() {
                    if index > 0 { line.append(.text(", ")) }
                    line += [item(entry.item), .text(" (#\(entry.rank))")]
                }
                parts.append(line)
            }
            if !list.moved.isEmpty {
                parts.append([.text("\(list.moved.count) rank move\(list.moved.count == 1 ? "" : "s")")])
            }
        }
        // Moves below the page's precision are in the change report only, so
        // a page changes when something it shows changes.
        if let move = change.scores, move.shown {
            parts.append([.text("scores moved by up to \(ChangeReport.percent(move.relative)) on the same list")])
        }
        guard !parts.isEmpty else { return nil }
        let renderer = ChangesPage.linking(from: page, facts: facts)
        let link = SitePaths.link(from: page, to: SitePaths.changes)
        return "**Changed since the previous build** ([all changes](\(link))): "
            + parts.map(renderer.inline).joined(separator: "; ") + "."
    }
}
