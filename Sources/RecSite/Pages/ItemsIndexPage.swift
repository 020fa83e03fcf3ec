/// `items/index.md`: every item of the catalogue in one table, in ID order.
struct ItemsIndexPage {
    let facts: SiteFacts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let context: TemplateRecord = [
            "items": .list(facts.items.indices.map { .fields(ItemCells.of($0, from: SitePaths.itemsIndex, facts: facts)) }),
            "itemCount": .verbatim(PageText.count(facts.items.count, "item")),
        ]
        return MarkdownPage(
            path: SitePaths.itemsIndex, title: "Items",
            breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("items-index.md", context, with: templates))
    }
}
