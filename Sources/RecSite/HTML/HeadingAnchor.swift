/// The anchor of a heading, as GitHub makes it for Markdown (github-slugger):
/// lower case; letters, marks, digits, `-` and `_` kept; a space becomes `-`;
/// everything else dropped. The site's HTML gives its headings the same ids
/// (`HTMLHeadings`), so a `#fragment` link in a `.md` page works on a code
/// host and in the `.html` twin alike.
public enum HeadingAnchor {
    /// The slug of a heading whose text (as rendered, without Markdown) is `text`.
    public static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic
                        || properties.numericType != nil || properties.generalCategory.isMark {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `slug`, made unique among `seen` as GitHub does: the second `a` is `a-1`, the third `a-2`.
    public static func unique(_ slug: String, seen: inout [String: Int]) -> String {
        guard let count = seen[slug] else {
            seen[slug] = 0
            return slug
        }
        var next = count + 1
        while seen["\(slug)-\(next)"] != nil { next += 1 }
        seen[slug] = next
        seen["\(slug)-\(next)"] = 0
        return "\(slug)-\(next)"
    }
}

private extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
