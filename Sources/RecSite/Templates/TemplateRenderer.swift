/// Renders parsed templates over `TemplateValue`s, Mustache's way: a name
/// is looked up in the innermost record first, then outwards; a section
/// over a list renders once per row, over a record once inside it, over a
/// flag or a string once when it is true or present.
///
/// Unlike Mustache, a name no record has is an error (naming the template,
/// line, column and name), not an empty string: a mistyped name in a
/// template fails the build instead of leaving a blank on 10,000 pages.
/// Pages give `.none` for what they have no value for.
///
/// Written for speed as well as typing: a user page shows some 1,500 table
/// cells, and a general Mustache library's dynamic casts and name splitting
/// per cell (about 2 µs each with swift-mustache) cost more than the rest of
/// a build's Markdown step; here a cell is a switch over the row's names
/// and a copy of bytes.
struct TemplateRenderer {
    let templates: [String: Template]

    /// The text of template `name` over `context`.
    /// - Throws: `RecSiteError.templateError` for a missing template or partial, or a name no record has.
    func render(_ name: String, _ context: TemplateValue) throws -> [UInt8] {
        guard let template = templates[name] else {
            throw RecSiteError.templateError(path: "\(name).mustache", reason: "template missing from the template folder")
        }
        var state = State(format: template.format)
        state.out.reserveCapacity(16_384)
        state.stack.append(context)
        try render(template.nodes, template: template, state: &state)
        return state.out
    }

    private struct State {
        let format: TemplateFormat
        var out: [UInt8] = []
        var stack: [TemplateValue] = []
        /// Written at the start of each line of a standalone partial's text.
        var indentation: [UInt8] = []
        /// Whether the next output starts a line of an indented partial.
        var atIndentedLineStart = false

        /// Writes the partial's indentation when a line of it starts here.
        mutating func indentIfAtLineStart() {
            if atIndentedLineStart {
                out.append(contentsOf: indentation)
                atIndentedLineStart = false
            }
        }
    }

    private func render(_ nodes: [TemplateNode], template: Template, state: inout State) throws {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if state.indentation.isEmpty {
                    state.out.append(contentsOf: bytes)
                } else {
                    appendIndented(bytes, state: &state)
                }
            case .variable(let tag, let escaped):
                let value = try lookup(tag, template: template, state: state)
                if !state.indentation.isEmpty && !value.rendersEmpty { state.indentIfAtLineStart() }
                try appendValue(value, escaped: escaped, tag: tag,
                                template: template, state: &state)
            case .section(let tag, let inverted, let children):
                let value = try lookup(tag, template: template, state: state)
                if inverted {
                    if !value.isTruthy { try render(children, template: template, state: &state) }
                    continue
                }
                switch value {
                case .list(let rows):
                    for row in rows {
                        state.stack.append(row)
                        try render(children, template: template, state: &state)
                        state.stack.removeLast()
                    }
                case .flag(true): try render(children, template: template, state: &state)
                case .flag(false), .none: break
                case .text, .verbatim, .fields:
                    state.stack.append(value)
                    try render(children, template: template, state: &state)
                    state.stack.removeLast()
                }
            case .partial(let tag, let indentation):
                guard let partial = templates[tag.name] else {
                    throw error(template, tag, "partial '\(tag.name)' is not in the template folder")
                }
                let outer = (state.indentation, state.atIndentedLineStart)
                state.indentation = outer.0 + indentation
                state.atIndentedLineStart = !state.indentation.isEmpty
                try render(partial.nodes, template: partial, state: &state)
                state.indentation = outer.0
                // The outer partial's next line starts here if this one ended one.
                state.atIndentedLineStart = !outer.0.isEmpty && state.out.last == UInt8(ascii: "\n")
            }
        }
    }

    /// Text of an indented partial: its indentation starts each of its lines.
    private func appendIndented(_ bytes: [UInt8], state: inout State) {
        for byte in bytes {
            state.indentIfAtLineStart()
            state.out.append(byte)
            if byte == UInt8(ascii: "\n") { state.atIndentedLineStart = true }
        }
    }

    private func appendValue(_ value: TemplateValue, escaped: Bool, tag: TemplateTag, template: Template,
                             state: inout State) throws {
        switch value {
        case .text(let text):
            if escaped { state.format.appendEscaped(text, to: &state.out) } else { state.out.append(contentsOf: text.utf8) }
        case .verbatim(let text): state.out.append(contentsOf: text.utf8)
        case .flag(let flag): state.out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .none: break
        case .list, .fields:
            throw error(template, tag, "'\(tag.name)' is a list or a record: open it as a section ({{#\(tag.name)}}…{{/\(tag.name)}})")
        }
    }

    /// The value a tag names: its first part from the innermost record that
    /// has it, the other parts inside that value.
    private func lookup(_ tag: TemplateTag, template: Template, state: State) throws -> TemplateValue {
        if tag.path[0] == "." { return state.stack[state.stack.count - 1] }
        var found: TemplateValue?
        for value in state.stack.reversed() {
            if case .fields(let record) = value, let child = record.value(for: tag.path[0]) {
                found = child
                break
            }
        }
        guard var value = found else {
            throw error(template, tag, "no value named '\(tag.path[0])' on this page")
        }
        for part in tag.path.dropFirst() {
            guard case .fields(let record) = value, let child = record.value(for: part) else {
                throw error(template, tag, "no value named '\(part)' in '\(tag.name)'")
            }
            value = child
        }
        return value
    }

    private func error(_ template: Template, _ tag: TemplateTag, _ reason: String) -> RecSiteError {
        .templateError(path: "\(template.path):\(tag.line):\(tag.column)", reason: reason)
    }
}
