import Mustache

/// One table row or small record of a template context: Markdown cells by name.
typealias Row = [String: String]

/// A page's template context: Markdown strings, Bools for sections, rows,
/// lists of rows and nested contexts.
typealias PageContext = [String: Any]

/// Renders a page template. Every Markdown string of the context is wrapped
/// as a `MustacheCustomRenderable` first, which swift-mustache prints after
/// one type check instead of several failed casts and `String(describing:)`;
/// that halves the time of a user page.
enum PageTemplate {
    /// - Throws: `RecSiteError.templateError` when the template is missing.
    static func render(_ name: String, _ context: PageContext, with templates: TemplateLibrary) throws -> String {
        try templates.render(name, wrapped(context))
    }

    /// The most frequent shapes are tested first: casts from `Any` are what
    /// this saves.
    private static func wrapped(_ value: Any) -> Any {
        if let text = value as? String { return MarkdownValue(text: text) }
        if let rows = value as? [Row] { return rows.map { $0.mapValues(MarkdownValue.init) } }
        if let row = value as? Row { return row.mapValues(MarkdownValue.init) }
        if let context = value as? PageContext { return context.mapValues(wrapped) }
        if let contexts = value as? [PageContext] { return contexts.map { $0.mapValues(wrapped) } }
        return value
    }
}

/// Markdown that is already escaped and formatted: printed as it is.
private struct MarkdownValue: MustacheCustomRenderable {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
}
