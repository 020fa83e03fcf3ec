import Foundation
import RecSite

/// "did you mean" for a mistyped subcommand (`recsite recomend u1`), which
/// ArgumentParser would only report as "2 unexpected arguments".
enum CommandSuggestion {
    /// The usage-error message for `arguments` (without the program name)
    /// when the first one names no subcommand; nil otherwise.
    static func message(for arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else {
            return nil
        }
        let typed = Array(first.lowercased().unicodeScalars)
        let ranked = commands.map { (IDSuggestions.editDistance(typed, Array($0.unicodeScalars)), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let shown = TextTable.terminalSafe(first, keepingLineBreaks: false)
        // A suggestion only when it is plausibly the same word: at most a third of it mistyped.
        if let (distance, best) = ranked.first, distance <= max(2, best.count / 3) {
            return "unknown command '\(shown)'; did you mean '\(best)'?"
        }
        return "unknown command '\(shown)'; the commands are " + commands.joined(separator: ", ")
    }
}
