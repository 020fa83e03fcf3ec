/// A value a template can show: what a page passes to its template instead
/// of pre-rendered Markdown. Data strings are `.text` and are escaped for the
/// template's format (`TemplateFormat`) by `{{name}}`, in one place, so no
/// page escapes by hand.
public enum TemplateValue: Sendable {
    /// A data string (a title, a name, a genre): `{{name}}` escapes it for
    /// the template's format; `{{{name}}}` inserts it as it is.
    case text(String)
    /// Text recsite made in the template's format (a formatted number, a
    /// link, a sentence with links; HTML in the layout): never escaped.
    case verbatim(String)
    /// A section condition.
    case flag(Bool)
    /// Rows of a section, rendered once each.
    case list([TemplateValue])
    /// A record: a row of a table, or a group of values a section opens.
    case fields(any TemplateFields)
    /// A value the page has no content for: renders empty, and a section over it is skipped.
    case none

    /// `.verbatim` of a number's decimal digits.
    public static func count(_ value: Int) -> TemplateValue { .verbatim(String(value)) }

    /// `.text(value)`, or `.none` for `nil`.
    public static func text(_ value: String?) -> TemplateValue { value.map { .text($0) } ?? .none }

    /// A list of records.
    public static func rows(_ rows: [some TemplateFields]) -> TemplateValue { .list(rows.map { .fields($0) }) }

    /// Whether a section over the value renders (Mustache's truthiness).
    var isTruthy: Bool {
        switch self {
        case .flag(let value): return value
        case .list(let items): return !items.isEmpty
        case .none: return false
        case .text, .verbatim, .fields: return true
        }
    }
}

/// A record of named template values: a page's context, a table row. Types
/// answer by name, so a row computes only the cells its template shows.
public protocol TemplateFields: Sendable {
    /// The value named `key`, or `nil` when the record has no such name
    /// (the renderer then asks the enclosing records, and fails when none has it).
    func value(for key: String) -> TemplateValue?
}

/// A record spelled out as a dictionary, for contexts with a few values.
public struct TemplateRecord: TemplateFields, ExpressibleByDictionaryLiteral {
    public private(set) var values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue]) { self.values = values }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        values = Dictionary(elements, uniquingKeysWith: { $1 })
    }

    public func value(for key: String) -> TemplateValue? { values[key] }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The record with `other`'s values added (theirs win).
    public func merging(_ other: TemplateRecord) -> TemplateRecord {
        TemplateRecord(values.merging(other.values) { $1 })
    }
}

extension TemplateValue {
    /// Whether `{{name}}` writes nothing for the value.
    var rendersEmpty: Bool {
        switch self {
        case .text(let text), .verbatim(let text): return text.isEmpty
        case .none: return true
        case .flag, .list, .fields: return false
        }
    }
}
