import Foundation
import RecEngine
import Yams

/// Reads `recsite.yml`:
///
/// ```yaml
/// k: 10
/// weights:        # the whole table; omitted types are unknown event types
///   play: 1.0
///   complete: 3.0
/// ```
///
/// Flags override the file; the file overrides SPEC's defaults.
public enum RecsiteConfig {
    /// The file read when no `--config` is given, if it exists.
    public static let defaultPath = "recsite.yml"

    /// Builds the engine settings.
    /// - Parameters:
    ///   - path: an explicit settings file (must exist), or `nil` for `recsite.yml` if present.
    ///   - weightOverrides: `TYPE=WEIGHT` texts from the command line.
    ///   - k: a `-k` from the command line.
    /// - Throws: `RecSiteError.invalidConfig` naming the file and the problem.
    public static func load(path: String?, weightOverrides: [String] = [], k: Int? = nil) throws -> EngineConfig {
        var config = EngineConfig()
        let file = path ?? (FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil)
        if let file {
            let data: [UInt8]
            do { data = try FileBytes.input(file) } catch {
                throw RecSiteError.invalidConfig(path: file, reason: error.description)
            }
            try apply(yaml: String(decoding: data, as: UTF8.self), path: file, to: &config)
        }
        // `--weight` changes a type the settings (or the default table) know;
        // a new one must be declared in the settings file, so a typo
        // (`lik=3`) is not silently a new type that no event has.
        let known = config.weights.types
        for text in weightOverrides {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw RecSiteError.invalidConfig(path: "--weight", reason: "expected TYPE=WEIGHT, got '\(text)'")
            }
            guard let weight = RecEngine.DecimalNumber.parse(parts[1].trimmingPythonWhitespace()) else {
                throw RecSiteError.invalidConfig(
                    path: "--weight", reason: "the weight of '\(parts[0])' is not a finite decimal number: '\(parts[1])'")
            }
            let name = parts[0].trimmingPythonWhitespace().lowercased()
            guard known.contains(name) else {
                throw RecSiteError.invalidConfig(
                    path: "--weight", reason: "unknown event type '\(parts[0])' (known: \(known.joined(separator: ", "))); "
                        + "a new type must be declared under 'weights' in the settings file")
            }
            do { try config.weights.set(parts[0], weight) } catch let error as RecEngineError {
                throw RecSiteError.invalidConfig(path: "--weight", reason: error.description)
            }
        }
        if let k { config.k = k }
        guard config.k >= 1 else { throw RecSiteError.invalidConfig(path: file ?? "-k", reason: "k must be at least 1") }
        return config
    }

    static func apply(yaml: String, path: String, to config: inout EngineConfig) throws {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw RecSiteError.invalidConfig(path: path, reason: yamlProblem(error))
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            throw RecSiteError.invalidConfig(path: path, reason: "expected a mapping with 'k' and 'weights'")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "k":
                guard let k = value.int, k >= 1 else {
                    throw RecSiteError.invalidConfig(path: path, reason: "line \(value.mark?.line ?? 0): k must be a whole number ≥ 1")
                }
                config.k = k
            case "weights":
                guard let table = value.mapping else {
                    throw RecSiteError.invalidConfig(path: path, reason: "'weights' must map event types to numbers")
                }
                var pairs: [(String, Double)] = []
                for (name, weight) in table {
                    guard let type = name.string, let number = weight.scalar.flatMap({ DecimalNumber.parse($0.string) }) else {
                        throw RecSiteError.invalidConfig(
                            path: path, reason: "line \(weight.mark?.line ?? 0): weight of '\(name.string ?? "?")' is not a number")
                    }
                    pairs.append((type, number))
                }
                do { config.weights = try EventWeights(pairs) } catch let error as RecEngineError {
                    throw RecSiteError.invalidConfig(path: path, reason: error.description)
                }
            default:
                throw RecSiteError.invalidConfig(path: path, reason: "unknown setting '\(key)' (known: k, weights)")
            }
        }
    }
}

/// A YAML syntax error as one line: where, and what the parser expected
/// (Yams' own description spans four lines with a quoted snippet and caret).
func yamlProblem(_ error: any Error) -> String {
    guard let yaml = error as? YamlError else {
        return "not valid YAML: " + String(describing: error).split(separator: "\n").joined(separator: " ")
    }
    switch yaml {
    case .scanner(let context, let problem, let mark, _),
         .parser(let context, let problem, let mark, _),
         .composer(let context, let problem, let mark, _):
        var text = "line \(mark.line), column \(mark.column): not valid YAML: \(problem)"
        if let context { text += " (\(context.text) in line \(context.mark.line), column \(context.mark.column))" }
        return text
    default:
        return "not valid YAML: " + String(describing: yaml).split(separator: "\n").joined(separator: " ")
    }
}
