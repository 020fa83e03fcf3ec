import Foundation
import RecEngine

/// Whether a model's reply keeps to its facts. A reply is rejected when it
/// is empty or long, or names an item ID, a catalogue title or a number
/// that the facts do not hold, or quotes text that is not one of their
/// titles, genres or types. The template sentence is used instead.
public struct ReplyCheck: Sendable {
    /// Longer replies are not "one or two sentences".
    public static let maxCharacters = 400
    /// Catalogue titles shorter than this are not searched for (they are common words).
    static let shortestTitle = 4

    private let titles: [(id: String, lowered: String)]
    private let ids: Set<String>

    public init(items: [Item]) {
        titles = items.filter { $0.title.count >= Self.shortestTitle }.map { ($0.id, $0.title.lowercased()) }
        ids = Set(items.map(\.id))
    }

    /// The reply, tidied (white space collapsed), or why it is rejected.
    public func check(_ reply: String, facts: ExplanationFacts) -> Result<String, Rejection> {
        let text = reply.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if text.isEmpty { return .failure(.init("empty reply")) }
        if text.count > Self.maxCharacters { return .failure(.init("longer than \(Self.maxCharacters) characters")) }
        let named = [facts.item.title] + facts.contributors.map(\.title.title)
        let namedIDs = Set([facts.item.id] + facts.contributors.map(\.title.id))
        var lowered = text.lowercased()
        // Quoted text must be a title, genre or type of the facts.
        let words = Set(named.map { $0.lowercased() } + [facts.item.genre, facts.item.type]
            + facts.contributors.flatMap { [$0.title.genre, $0.title.type] }
            + facts.topGenres.map(\.name) + facts.topTypes.map(\.name))
        for quote in Self.quoted(text) where !words.contains(quote.lowercased()) {
            return .failure(.init("quotes “\(quote)”, which is not among the facts"))
        }
        // Another item's ID or title.
        for token in lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "-" })
        where ids.contains(String(token)) && !namedIDs.contains(String(token)) {
            return .failure(.init("names item \(token), which is not among the facts"))
        }
        for title in named.map({ $0.lowercased() }).sorted(by: { $0.count > $1.count }) {
            lowered = lowered.replacingOccurrences(of: title, with: " ")
        }
        for (id, title) in titles where !namedIDs.contains(id) && Self.containsWord(lowered, title) {
            return .failure(.init("names another title, “\(title)”"))
        }
        // Numbers: each must be one the facts hold (a share as shown or rounded, a count, a number in a title).
        let allowed = Self.numbers(in: facts)
        for number in Self.numbers(in: lowered) where !allowed.contains(number) {
            return .failure(.init("names the number \(number), which is not among the facts"))
        }
        return .success(text)
    }

    public struct Rejection: Error, Equatable, Sendable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Numbers in text as written (`62.3`, `62`, `1,200` → `1200`).
    static func numbers(in text: String) -> [String] {
        var out: [String] = [], current = ""
        let characters = Array(text)
        for (index, c) in characters.enumerated() {
            if c.isASCII && c.isNumber {
                current.append(c)
            } else if (c == "." || c == ","), !current.isEmpty, index + 1 < characters.count,
                      characters[index + 1].isASCII && characters[index + 1].isNumber {
                if c == "." { current.append(c) }
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Every number the facts allow: shares as shown (`62.3`) and rounded
    /// (`62`), counts, ranks, and the numbers inside the facts' titles.
    static func numbers(in facts: ExplanationFacts) -> Set<String> {
        var allowed: Set<String> = []
        let shares = facts.contributors.map(\.share) + facts.topGenres.map(\.share) + facts.topTypes.map(\.share)
            + [facts.genreShare]
        for share in shares {
            let shown = NumberFormat.fixed(share * 100, 1)
            allowed.insert(shown)
            allowed.insert(NumberFormat.fixed(share * 100, 0))
            if shown.hasSuffix(".0") { allowed.insert(String(shown.dropLast(2))) }
        }
        for count in [facts.contributorCount, facts.contributors.count, facts.rank] { allowed.insert(String(count)) }
        let texts = [facts.item.title] + facts.contributors.map(\.title.title)
        for text in texts { allowed.formUnion(numbers(in: text.lowercased())) }
        return allowed
    }

    /// Text between straight or curly double quotes.
    static func quoted(_ text: String) -> [String] {
        var out: [String] = [], current: String?
        for c in text {
            if c == "\"" || c == "“" || c == "”" {
                if let open = current { out.append(open); current = nil } else { current = "" }
            } else if current != nil {
                current!.append(c)
            }
        }
        return out
    }

    /// Whether `word` occurs in `text` with no letter or digit either side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: search) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false) && !(before?.isNumber ?? false)
                && !(after?.isLetter ?? false) && !(after?.isNumber ?? false) { return true }
            search = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }
}
