import Foundation
import RecEngine

/// The templates of one build, loaded once from a folder (the repo's
/// `templates/`, or `--templates DIR`). A template's name is its file name
/// without `.mustache`: `user.md`, `layout.html`; the name's ending gives
/// its format (`TemplateFormat`). The syntax is Mustache's core
/// (`TemplateParser`); rendering is typed and strict (`TemplateRenderer`).
public struct TemplateLibrary: Sendable {
    /// The folder used when no `--templates` is given.
    public static let defaultDirectory = "templates"

    private let templates: [String: Template]
    /// The templates' names, sorted.
    public let names: [String]

    /// Loads every `*.mustache` file of `directory`, in sorted order.
    /// - Throws: `RecSiteError.templateError` for a missing folder, a parse
    ///   error, a partial that names no template or a partial that includes
    ///   itself, with file, line and column.
    public init(directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecSiteError.templateError(
                path: directory, reason: "template folder not found (pass --templates DIR, run where ./templates is, or "
                    + "install with make install, which puts them in \(TemplateSearch.installedRelativePath) "
                    + "beside the binary)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var sources: [(name: String, path: String, text: String)] = []
        for file in files {
            let path = directory.hasSuffix("/") ? directory + file : directory + "/" + file
            let data: [UInt8]
            do { data = try FileBytes.input(path) } catch {
                throw RecSiteError.templateError(path: path, reason: error.description)
            }
            sources.append((String(file.dropLast(".mustache".count)), path, String(decoding: data, as: UTF8.self)))
        }
        try self.init(sources: sources)
    }

    /// Templates from text: `(name, path for messages, text)`.
    /// - Throws: as `init(directory:)`.
    public init(sources: [(name: String, path: String, text: String)]) throws {
        var templates: [String: Template] = [:]
        for source in sources {
            templates[source.name] = try Template(name: source.name, path: source.path, text: source.text)
        }
        for template in templates.values.sorted(by: { $0.name < $1.name }) {
            for tag in template.partials where templates[tag.name] == nil {
                throw RecSiteError.templateError(
                    path: "\(template.path):\(tag.line):\(tag.column)",
                    reason: "partial '\(tag.name)' is not in the template folder (no \(tag.name).mustache)")
            }
        }
        try Self.refuseCycles(templates)
        self.templates = templates
        names = templates.keys.sorted()
    }

    /// A partial that includes itself, directly or through others, would
    /// render forever (and overflow the stack): it is a load error naming the
    /// tag that closes the cycle and the cycle, `a → b → a`.
    private static func refuseCycles(_ templates: [String: Template]) throws {
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) throws {
            guard !done.contains(name), let template = templates[name] else { return }
            path.append(name)
            for tag in template.partials {
                if let start = path.firstIndex(of: tag.name) {
                    let cycle = (path[start...] + [tag.name]).joined(separator: " → ")
                    throw RecSiteError.templateError(
                        path: "\(template.path):\(tag.line):\(tag.column)",
                        reason: "partial '\(tag.name)' includes itself (\(cycle)); a partial may not include itself, "
                            + "directly or through others")
                }
                try visit(tag.name)
            }
            path.removeLast()
            done.insert(name)
        }
        for name in templates.keys.sorted() { try visit(name) }
    }

    /// The `{{{name}}}` and `{{&name}}` tags of template `name` and of the
    /// partials it includes, with the template each stands in.
    func unescapedTags(of name: String) -> [(path: String, tag: TemplateTag)] {
        var seen: Set<String> = []
        var found: [(path: String, tag: TemplateTag)] = []
        func visit(_ name: String) {
            guard seen.insert(name).inserted, let template = templates[name] else { return }
            func walk(_ nodes: [TemplateNode]) {
                for node in nodes {
                    switch node {
                    case .variable(let tag, escaped: false): found.append((template.path, tag))
                    case .section(_, _, let children): walk(children)
                    case .partial(let tag, _): visit(tag.name)
                    case .text, .variable: break
                    }
                }
            }
            walk(template.nodes)
        }
        visit(name)
        return found
    }

    /// Renders template `name` over `context`.
    /// - Throws: `RecSiteError.templateError` when the template does not
    ///   exist or uses a name the context lacks (file, line, column, name).
    /// - Complexity: O(output length + tags × depth of records).
    public func render(_ name: String, _ context: some TemplateFields) throws -> String {
        String(decoding: try renderBytes(name, context), as: UTF8.self)
    }

    /// `render(_:_:)` as UTF-8 bytes.
    public func renderBytes(_ name: String, _ context: some TemplateFields) throws -> [UInt8] {
        try TemplateRenderer(templates: templates).render(name, .fields(context))
    }
}
