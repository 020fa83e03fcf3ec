/// Renders a page template over its context. Page contexts are
/// `TemplateFields`: data strings go in as `.text` and are escaped for
/// Markdown by the renderer; formatted numbers and links made by
/// `MarkdownLink` go in as `.verbatim`.
enum PageTemplate {
    /// - Throws: `RecSiteError.templateError` when the template is missing or
    ///   names a value the context lacks.
    static func render(_ name: String, _ context: some TemplateFields, with templates: TemplateLibrary) throws -> String {
        try templates.render(name, context)
    }
}
