import Mustache
import Testing
@testable import RecSite

/// recsite's renderer against swift-mustache, a full Mustache
/// implementation, on generated templates: text, line breaks, indentation,
/// variables, sections, inverted sections, comments and partials in every
/// arrangement a seeded generator makes, over one context. The values are
/// `.verbatim` and swift-mustache gets triple braces, so only structure is
/// compared (escaping has its own tests).
@Suite struct TemplateReferenceTests {
    /// A context both renderers read: ours as `TemplateValue`s, swift-mustache's through `Reference`.
    static let context: TemplateRecord = [
        "word": .verbatim("w"),
        "lines": .verbatim("l1\nl2"),
        "empty": .verbatim(""),
        "yes": .flag(true), "no": .flag(false),
        "rows": .list([.fields(["word": .verbatim("r1"), "n": .count(1)] as TemplateRecord),
                       .fields(["word": .verbatim("r2"), "n": .count(2)] as TemplateRecord)]),
        "none": .list([]),
        "record": .fields(["n": .count(7)] as TemplateRecord),
        "n": .count(0),
    ]

    /// swift-mustache's view of a `TemplateValue`.
    struct Reference: MustacheParent {
        let record: any TemplateFields
        func child(named name: String) -> Any? { record.value(for: name).flatMap(Self.convert) }

        static func convert(_ value: TemplateValue) -> Any? {
            switch value {
            case .text(let text), .verbatim(let text): return text
            case .flag(let flag): return flag
            case .list(let items): return items.map { convert($0) as Any }
            case .fields(let record): return Reference(record: record)
            case .none: return nil
            }
        }
    }

    /// A template of whole lines, as recsite's are: text lines with
    /// variables and inline sections, and lines holding one section,
    /// closing, comment or partial tag (some indented, some with trailing
    /// blanks); sections balanced. (swift-mustache departs from the
    /// specification elsewhere: it drops a last line of blanks, and treats
    /// a line with two standalone-kind tags as standalone; the hand-made
    /// cases of `TemplateRendererTests` cover those.)
    static func generate(_ random: inout SplitMix, depth: Int = 0) -> String {
        var text = ""
        let ends = ["\n", "\n", "\r\n"]
        for _ in 0..<(1 + random.next(upTo: 5)) {
            let end = ends[random.next(upTo: 3)]
            switch random.next(upTo: depth < 3 ? 9 : 6) {
            case 0: text += end
            case 1: text += "| a | " + ["{{word}}", "{{n}}", "{{lines}}", "{{empty}}", "{{record.n}}"][random.next(upTo: 5)] + " |" + end
            case 2: text += "a {{#yes}}b{{/yes}}{{^rows}}c{{/rows}} {{#rows}}[{{word}}]{{/rows}}" + end
            case 3: text += ["", "  "][random.next(upTo: 2)] + "{{! note }}" + ["", " "][random.next(upTo: 2)] + end
            case 4: text += ["", "  ", "\t"][random.next(upTo: 3)] + "{{>part}}" + end
            case 5: text += "  text with blanks  " + end
            default:
                let name = ["rows", "yes", "no", "none", "record", "word", "empty"][random.next(upTo: 7)]
                let sigil = random.next(upTo: 3) == 0 ? "^" : "#"
                let indent = ["", "  "][random.next(upTo: 2)]
                text += indent + "{{\(sigil)\(name)}}" + ["", " "][random.next(upTo: 2)] + end
                text += generate(&random, depth: depth + 1)
                text += indent + "{{/\(name)}}" + end
            }
        }
        return text
    }

    @Test func generatedTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var random = SplitMix(seed: 20261202)
        let partial = "[{{word}}]\n  {{#yes}}\nin part\n  {{/yes}}\n"
        for _ in 0..<3_000 {
            let text = Self.generate(&random)
            let ours = try TemplateLibrary(sources: [("t.md", "t", text), ("part", "part", partial)]).render("t.md", Self.context)
            var library = MustacheLibrary()
            try library.register(Self.tripleBraced(text), named: "t")
            try library.register(Self.tripleBraced(partial), named: "part")
            let theirs = library.render(Reference(record: Self.context), withTemplate: "t")
            #expect(ours == theirs, "template: \(text.debugDescription)")
        }
    }

    /// `{{x}}` as `{{{x}}}`, so swift-mustache does not HTML-escape.
    static func tripleBraced(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let body = after[..<close.lowerBound]
            let plain = body.first.map { !"#^/!>&{=".contains($0) } ?? false
            out += plain ? "{{{" + body + "}}}" : "{{" + body + "}}"
            rest = after[close.upperBound...]
        }
        return out + rest
    }
}

/// A small seeded generator (SplitMix64), so every run tests the same templates.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
