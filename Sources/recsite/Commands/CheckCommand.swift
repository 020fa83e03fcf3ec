import ArgumentParser
import RecEngine
import RecSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print the cleansing report: rows kept and dropped per file, counts per reason, examples.",
        discussion: """
        Each row is checked against the rules of SPEC §2 in order; the first rule it breaks is its \
        reason. The first 5 rows of each reason are shown with file name and line number.

        Examples:
          recsite check
          recsite check --data /path/to/logs --strict
          recsite check --json
        """
    )

    @OptionGroup var options: DataOptions

    @Flag(help: "Exit with code 1 if any row was dropped.")
    var strict = false

    @Flag(help: "Print the report as JSON (counts per file and reason, examples with line numbers).")
    var json = false

    func run() throws {
        let model = try options.loadModel()
        if json {
            print(CleansingDocument.make(model.dataset.report).serialized(pretty: true))
        } else {
            print(CheckReport.render(model.dataset.report), terminator: "")
        }
        let dropped = model.dataset.report.totalDropped
        if strict && dropped > 0 {
            Terminal.error("--strict: \(dropped) row\(dropped == 1 ? "" : "s") dropped")
            throw ExitCode(1)
        }
    }
}
