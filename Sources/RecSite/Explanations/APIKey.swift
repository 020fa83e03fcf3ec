import Foundation

/// A provider's key: the environment variable, else the same name in a
/// `.env` file (`NAME=value`, optionally `export NAME=value` or quoted).
/// The key is only ever put in a request header.
public enum APIKey {
    public static func resolve(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                               envFile: String = ".env") -> String? {
        if let value = environment[name], !value.isEmpty { return value }
        guard let data = FileManager.default.contents(atPath: envFile) else { return nil }
        for raw in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "="),
                  line[..<equals].trimmingCharacters(in: .whitespaces) == name else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
