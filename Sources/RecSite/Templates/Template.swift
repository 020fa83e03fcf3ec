/// One parsed template of a `TemplateLibrary`.
struct Template: Sendable {
    let name: String
    /// Names the template in messages (`templates/user.md.mustache`).
    let path: String
    let format: TemplateFormat
    let nodes: [TemplateNode]

    /// - Throws: `RecSiteError.templateError` naming `path:line:column`.
    init(name: String, path: String, text: String) throws {
        self.name = name
        self.path = path
        format = TemplateFormat(templateName: name)
        nodes = try TemplateParser(path: path, text: text).parse()
    }

    /// The partials the template names, with where.
    var partials: [TemplateTag] {
        func collect(_ nodes: [TemplateNode]) -> [TemplateTag] {
            nodes.flatMap { node -> [TemplateTag] in
                switch node {
                case .partial(let tag, _): return [tag]
                case .section(_, _, let children): return collect(children)
                case .text, .variable: return []
                }
            }
        }
        return collect(nodes)
    }
}
