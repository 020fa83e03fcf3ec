import Foundation
import Mustache

/// The Mustache templates of one build, loaded once from a folder (the repo's
/// `templates/`, or `--templates DIR`). A template's name is its file name
/// without `.mustache`: `user.md`, `layout.html`.
public struct TemplateLibrary: Sendable {
    /// The folder used when no `--templates` is given.
    public static let defaultDirectory = "templates"

    private let library: MustacheLibrary
    public let names: [String]
    /// Each template's text by name, for readers that check what a template
    /// does before taking a shortcut (`LayoutShells`).
    public let sources: [String: String]

    /// Loads every `*.mustache` file of `directory`, in sorted order.
    /// - Throws: `RecSiteError.templateError` for a missing folder or a parse
    ///   error, naming the file, line and column.
    public init(directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecSiteError.templateError(
                path: directory, reason: "template folder not found (run from the repository, or pass --templates DIR)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        var names: [String] = []
        var sources: [String: String] = [:]
        for file in files {
            let path = directory.hasSuffix("/") ? directory + file : directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RecSiteError.templateError(path: path, reason: "cannot read the file")
            }
            let name = String(file.dropLast(".mustache".count))
            let text = String(decoding: data, as: UTF8.self)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw RecSiteError.templateError(
                    path: "\(path):\(error.context.lineNumber):\(error.context.columnNumber)",
                    reason: "\(error.error)")
            }
            names.append(name)
            sources[name] = text
        }
        self.library = library
        self.names = names
        self.sources = sources
    }

    /// Renders template `name` with `context` (dictionaries, arrays, strings, numbers, bools).
    /// - Throws: `RecSiteError.templateError` when the template does not exist.
    public func render(_ name: String, _ context: Any) throws -> String {
        guard names.contains(name), let text = library.render(context, withTemplate: name) else {
            throw RecSiteError.templateError(path: "\(name).mustache", reason: "template missing from the template folder")
        }
        return text
    }
}
