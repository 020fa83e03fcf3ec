import Testing
@testable import RecSite

/// The renderer's Mustache, case by case: values worked out by hand from
/// the Mustache specification (mustache/spec, interpolation, sections,
/// inverted, comments, partials), and recsite's own rules (escaping by
/// format, strict names).
@Suite struct TemplateRendererTests {
    func render(_ text: String, _ context: TemplateRecord, name: String = "t.md",
                partials: [String: String] = [:]) throws -> String {
        let library = try TemplateLibrary(sources: [(name, name + ".mustache", text)]
            + partials.map { ($0.key, $0.key + ".mustache", $0.value) })
        return try library.render(name, context)
    }

    @Test func variablesEscapeDataForTheTemplatesFormat() throws {
        let context: TemplateRecord = ["data": .text("*a* <b> & 'c'"), "made": .verbatim("**x**")]
        #expect(try render("{{data}}|{{{data}}}|{{&data}}|{{made}}", context) == "\\*a\\* \\<b\\> & 'c'|*a* <b> & 'c'|*a* <b> & 'c'|**x**")
        #expect(try render("{{data}}|{{made}}", context, name: "t.html") == "*a* &lt;b&gt; &amp; &#39;c&#39;|**x**")
        #expect(try render("{{ data }}", context, name: "t.txt") == "*a* <b> & 'c'")
    }

    @Test func sectionsOverListsRecordsFlagsAndNothing() throws {
        let context: TemplateRecord = [
            "rows": .list([.fields(["n": .count(1)] as TemplateRecord), .fields(["n": .count(2)] as TemplateRecord)]),
            "empty": .list([]),
            "record": .fields(["n": .count(9)] as TemplateRecord),
            "yes": .flag(true), "no": .flag(false), "nothing": .none, "word": .verbatim("w"),
            "n": .count(0),
        ]
        #expect(try render("{{#rows}}[{{n}}]{{/rows}}", context) == "[1][2]")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", context) == "none")
        #expect(try render("{{#record}}{{n}}{{/record}} {{n}}", context) == "9 0")
        #expect(try render("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}!n{{/no}}", context) == "y!n")
        #expect(try render("{{#nothing}}x{{/nothing}}{{^nothing}}-{{/nothing}}{{nothing}}.", context) == "-.")
        #expect(try render("{{#word}}<{{.}}>{{/word}}", context) == "<w>")
        #expect(try render("{{record.n}}", context) == "9")
    }

    /// Outer names are found from inside sections; the innermost record wins.
    @Test func namesAreLookedUpOutwards() throws {
        let context: TemplateRecord = [
            "a": .verbatim("outer"), "b": .verbatim("B"),
            "rows": .list([.fields(["a": .verbatim("inner")] as TemplateRecord)]),
        ]
        #expect(try render("{{#rows}}{{a}} {{b}}{{/rows}} {{a}}", context) == "inner B outer")
    }

    /// mustache/spec: standalone tags leave no line behind; others keep theirs.
    @Test func standaloneLinesVanish() throws {
        let context: TemplateRecord = ["rows": .list([.verbatim("x"), .verbatim("y")]), "yes": .flag(true)]
        #expect(try render("| a |\n{{#rows}}\n| {{.}} |\n{{/rows}}\nend\n", context) == "| a |\n| x |\n| y |\nend\n")
        #expect(try render("  {{#yes}}  \nin\n  {{/yes}}\t\r\nout", context) == "in\nout")
        #expect(try render("{{! a comment }}\nline\n  {{! another\n spanning }}\nend", context) == "line\nend")
        #expect(try render("a {{#yes}}b{{/yes}} c\n", context) == "a b c\n")
        #expect(try render(" {{#yes}}\n{{/yes}} x", context) == " x")  // the second tag shares its line with text
        #expect(try render("{{#yes}}\n#{{/yes}}", context) == "#")
    }

    /// mustache/spec "Standalone Indentation": the partial's lines are indented,
    /// a value's own line breaks are not.
    @Test func standalonePartialsIndentTheirLines() throws {
        let context: TemplateRecord = ["content": .verbatim("<\n->")]
        #expect(try render("\\\n {{>p}}\n/\n", context, partials: ["p": "|\n{{{content}}}\n|\n"]) == "\\\n |\n <\n->\n |\n/\n")
        #expect(try render("a {{>p}} b", context, partials: ["p": "[{{content}}]"]) == "a [<\n->] b")
    }

    @Test func aNameNoRecordHasIsAnErrorWithItsPlace() throws {
        #expect(throws: RecSiteError.templateError(path: "t.md.mustache:2:5", reason: "no value named 'missing' on this page")) {
            try render("ok\n....{{missing}}", [:])
        }
        #expect(throws: RecSiteError.templateError(path: "t.md.mustache:1:1", reason: "no value named 'y' in 'x.y'")) {
            try render("{{x.y}}", ["x": .fields(TemplateRecord([:]))])
        }
        #expect(throws: RecSiteError.templateError(
            path: "t.md.mustache:1:1", reason: "'rows' is a list or a record: open it as a section ({{#rows}}…{{/rows}})")) {
            try render("{{rows}}", ["rows": .list([])])
        }
    }

    @Test(arguments: [
        ("{{#a}}x", "t.md.mustache:1:1", "section 'a' is never closed"),
        ("{{#a}}x{{/b}}", "t.md.mustache:1:8", "'{{/b}}' closes 'a' (opened at line 1, column 1)"),
        ("x{{/a}}", "t.md.mustache:1:2", "'{{/a}}' closes no section"),
        ("{{a", "t.md.mustache:1:1", "unclosed tag: no '}}' after it"),
        ("{{=<% %>=}}", "t.md.mustache:1:1", "changing the delimiters is not supported"),
        ("{{<parent}}{{/parent}}", "t.md.mustache:1:1", "template inheritance (parents and blocks) is not supported"),
        ("{{uppercase(a)}}", "t.md.mustache:1:1", "'uppercase(a)' is not a plain name (transforms and spaces are not supported)"),
        ("{{>missing}}", "t.md.mustache:1:1", "partial 'missing' is not in the template folder (no missing.mustache)"),
        ("é\n  {{}}", "t.md.mustache:2:3", "a tag with no name"),
    ])
    func syntaxErrorsNameFileLineAndColumn(text: String, path: String, reason: String) throws {
        #expect(throws: RecSiteError.templateError(path: path, reason: reason)) { try render(text, [:]) }
    }

    /// A partial that includes itself, directly or through others, is a
    /// load error naming the tag that closes the cycle and the cycle (it
    /// used to recurse until the stack overflowed: exit 139).
    @Test func partialsThatIncludeThemselvesAreRefused() throws {
        let suffix = "; a partial may not include itself, directly or through others"
        #expect(throws: RecSiteError.templateError(
            path: "p.mustache:2:1", reason: "partial 'p' includes itself (p → p)" + suffix)) {
            try render("{{>p}}", [:], partials: ["p": "x\n{{>p}}"])
        }
        #expect(throws: RecSiteError.templateError(
            path: "b.mustache:1:8", reason: "partial 'a' includes itself (a → b → a)" + suffix)) {
            try render("{{>a}}", [:], partials: ["a": "{{#x}}{{>b}}{{/x}}", "b": "{{#y}}y{{>a}}{{/y}}"])
        }
        // Shared partials without a cycle are fine.
        #expect(try render("{{>a}}{{>b}}", [:], partials: ["a": "{{>b}}", "b": "b"]) == "bb")
    }

    /// The layout's unescaped tags on data are found, through its partials;
    /// `{{{content}}}` is not data.
    @Test func unescapedDataInTheLayoutIsFound() throws {
        let library = try TemplateLibrary(sources: [
            ("layout.html", "layout.html.mustache", "<title>{{{title}}}</title>\n{{#nav}}{{>item}}{{/nav}}{{{content}}}"),
            ("item", "item.mustache", "{{&title}}"),
        ])
        #expect(HTMLLayout.unescapedDataWarnings(in: library).map { String($0.prefix(while: { $0 != " " })) }
                == ["layout.html.mustache:1:8:", "item.mustache:1:1:"])
    }
}
