/// Parses a template: the part of Mustache (mustache.github.io) that
/// recsite's templates use — variables (`{{x}}`, `{{{x}}}`, `{{&x}}`, dotted
/// names, `{{.}}`), sections, inverted sections, comments and partials, with
/// the specification's rule for standalone lines: a line holding only a
/// section, inverted-section, closing, comment or partial tag (and white
/// space) leaves no trace in the output.
///
/// Other Mustache syntax (set delimiters, blocks and parents, pragmas,
/// dynamic partials, swift-mustache's transforms) is refused with the
/// file, line and column, rather than rendered differently.
struct TemplateParser {
    /// Names the template in messages (`templates/user.md.mustache`).
    let path: String
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// - Throws: `RecSiteError.templateError` naming `path:line:column`.
    func parse() throws -> [TemplateNode] {
        let tokens = try tokenize()
        let trimmed = trimStandaloneLines(tokens)
        var position = 0
        let nodes = try nodes(trimmed, from: &position, closing: nil)
        return nodes
    }

    // MARK: - Tokens

    private enum Kind {
        case variable, unescaped, section, inverted, close, comment, partial

        /// Tags whose line disappears when they stand alone on it.
        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .comment, .partial: return true
            case .variable, .unescaped: return false
            }
        }
    }

    private enum Token {
        case text(Range<Int>)
        case tag(Kind, TemplateTag)
    }

    private func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while let open = find([UInt8(ascii: "{"), UInt8(ascii: "{")], from: index) {
            if open > index { tokens.append(.text(index..<open)) }
            let (line, column) = location(open)
            let triple = open + 2 < bytes.count && bytes[open + 2] == UInt8(ascii: "{")
            let closer: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
            let contentStart = open + (triple ? 3 : 2)
            guard let close = find(closer, from: contentStart) else {
                throw error(line, column, "unclosed tag: no '\(String(decoding: closer, as: UTF8.self))' after it")
            }
            let content = String(decoding: bytes[contentStart..<close], as: UTF8.self)
            index = close + closer.count
            if triple {
                tokens.append(.tag(.unescaped, try tag(content, line, column)))
                continue
            }
            let sigil = content.first
            let rest = String(content.dropFirst())
            switch sigil {
            case "!": tokens.append(.tag(.comment, TemplateTag(name: "", line: line, column: column)))
            case "#": tokens.append(.tag(.section, try tag(rest, line, column)))
            case "^": tokens.append(.tag(.inverted, try tag(rest, line, column)))
            case "/": tokens.append(.tag(.close, try tag(rest, line, column)))
            case "&": tokens.append(.tag(.unescaped, try tag(rest, line, column)))
            case ">":
                let partial = try tag(rest, line, column)
                if partial.name.hasPrefix("*") { throw error(line, column, "dynamic partials are not supported") }
                tokens.append(.tag(.partial, partial))
            case "=": throw error(line, column, "changing the delimiters is not supported")
            case "<", "$": throw error(line, column, "template inheritance (parents and blocks) is not supported")
            case "%": throw error(line, column, "pragmas are not supported")
            default: tokens.append(.tag(.variable, try tag(content, line, column)))
            }
        }
        if index < bytes.count { tokens.append(.text(index..<bytes.count)) }
        return tokens
    }

    /// A tag's name, trimmed and checked.
    private func tag(_ content: String, _ line: Int, _ column: Int) throws -> TemplateTag {
        let name = content.trimmingWhitespace()
        if name.isEmpty { throw error(line, column, "a tag with no name") }
        if name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "(" }) {
            throw error(line, column, "'\(name)' is not a plain name (transforms and spaces are not supported)")
        }
        let tag = TemplateTag(name: name, line: line, column: column)
        if name != "." && tag.path.contains(where: \.isEmpty) {
            throw error(line, column, "'\(name)' has an empty part between dots")
        }
        return tag
    }

    // MARK: - Standalone lines

    /// The tokens with the text of standalone lines cut away. Which tags
    /// stand alone is decided on the original text first, so two
    /// standalone lines in a row are both found.
    private func trimStandaloneLines(_ tokens: [Token]) -> [(token: Token, indentation: [UInt8])] {
        var start = [Int: Int](), end = [Int: Int]()  // new bounds of text tokens
        var indentation = [Int: [UInt8]]()
        for (index, token) in tokens.enumerated() {
            guard case .tag(let kind, _) = token, kind.canStandAlone,
                  let before = whitespaceBefore(index, in: tokens),
                  let after = lineEndAfter(index, in: tokens) else { continue }
            if index > 0, case .text(let range) = tokens[index - 1] {
                end[index - 1] = before
                if kind == .partial { indentation[index] = Array(bytes[before..<range.upperBound]) }
            }
            if index + 1 < tokens.count { start[index + 1] = after }
        }
        return tokens.enumerated().compactMap { index, token in
            if case .text(let range) = token {
                let lower = start[index] ?? range.lowerBound, upper = end[index] ?? range.upperBound
                return lower < upper ? (.text(lower..<upper), []) : nil
            }
            return (token, indentation[index] ?? [])
        }
    }

    /// Where the tag's line starts being white space up to the tag, when it
    /// is (and no other tag is on the line before it).
    private func whitespaceBefore(_ index: Int, in tokens: [Token]) -> Int? {
        guard index > 0 else { return 0 }
        guard case .text(let range) = tokens[index - 1] else { return nil }
        var offset = range.upperBound
        while offset > range.lowerBound, bytes[offset - 1] == UInt8(ascii: " ") || bytes[offset - 1] == UInt8(ascii: "\t") {
            offset -= 1
        }
        if offset > range.lowerBound { return bytes[offset - 1] == UInt8(ascii: "\n") ? offset : nil }
        return index - 1 == 0 ? offset : nil  // the text is the template's first line
    }

    /// Where the tag's line ends (after its line break), when only white
    /// space follows the tag on it.
    private func lineEndAfter(_ index: Int, in tokens: [Token]) -> Int? {
        guard index + 1 < tokens.count else { return bytes.count }
        guard case .text(let range) = tokens[index + 1] else { return nil }
        var offset = range.lowerBound
        while offset < range.upperBound {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): offset += 1
            case UInt8(ascii: "\n"): return offset + 1
            default: return nil
            }
        }
        return index + 1 == tokens.count - 1 ? offset : nil  // the text is the template's last line
    }

    // MARK: - Tree

    private func nodes(_ tokens: [(token: Token, indentation: [UInt8])], from position: inout Int,
                       closing open: TemplateTag?) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let (token, indentation) = tokens[position]
            position += 1
            switch token {
            case .text(let range): nodes.append(.text(Array(bytes[range])))
            case .tag(.comment, _): continue
            case .tag(.variable, let tag): nodes.append(.variable(tag, escaped: true))
            case .tag(.unescaped, let tag): nodes.append(.variable(tag, escaped: false))
            case .tag(.partial, let tag): nodes.append(.partial(tag, indentation: indentation))
            case .tag(let kind, let tag) where kind == .section || kind == .inverted:
                let children = try self.nodes(tokens, from: &position, closing: tag)
                nodes.append(.section(tag, inverted: kind == .inverted, children: children))
            case .tag(_, let tag):  // a closing tag
                guard let open else { throw error(tag.line, tag.column, "'{{/\(tag.name)}}' closes no section") }
                guard open.name == tag.name else {
                    throw error(tag.line, tag.column,
                                "'{{/\(tag.name)}}' closes '\(open.name)' (opened at line \(open.line), column \(open.column))")
                }
                return nodes
            }
        }
        if let open { throw error(open.line, open.column, "section '\(open.name)' is never closed") }
        return nodes
    }

    // MARK: - Helpers

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0] && bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset.
    private func location(_ offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count + 1
        return (low + 1, column)
    }

    private func error(_ line: Int, _ column: Int, _ reason: String) -> RecSiteError {
        .templateError(path: "\(path):\(line):\(column)", reason: reason)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
