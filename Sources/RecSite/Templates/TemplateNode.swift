/// A parsed piece of a template (`TemplateParser`).
indirect enum TemplateNode: Sendable {
    /// Literal text, as UTF-8.
    case text([UInt8])
    /// `{{name}}` (`escaped`) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateTag, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateTag, inverted: Bool, children: [TemplateNode])
    /// `{{> name}}`; a standalone partial indents each of its lines like the tag.
    case partial(TemplateTag, indentation: [UInt8])
}

/// A tag's name and where it stands, for messages.
struct TemplateTag: Sendable {
    /// As written, trimmed: `title`, `files.historyCSV`, `.`.
    let name: String
    /// `name` split at dots (`["."]` for the current value).
    let path: [String]
    /// 1-based line and column of the tag's `{{`.
    let line: Int
    let column: Int

    init(name: String, line: Int, column: Int) {
        self.name = name
        path = name == "." ? ["."] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.line = line
        self.column = column
    }
}
