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
        for file in files {
            let path = directory.hasSuffix("/") ? directory + file : directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RecSiteError.templateError(path: path, reason: "cannot read the file")
            }
            let name = String(file.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: String(decoding: data, as: UTF8.self)), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw RecSiteError.templateError(
                    path: "\(path):\(error.context.lineNumber):\(error.context.columnNumber)",
                    reason: "\(error.error)")
            }
            names.append(name)
        }
        self.library = library
        self.names = names
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
