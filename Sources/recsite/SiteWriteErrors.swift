import ArgumentParser
import RecSite

/// How `build` and `merge` end on a `RecSiteError` while writing a site:
/// an interruption gets its line and 128 + the signal, a write failure its
/// line and exit 3 (as their help says); any other error is returned for
/// the usual `Error:` line and exit 1.
enum SiteWriteErrors {
    static func translate(_ error: RecSiteError) -> any Error {
        switch error {
        case .interrupted(let number, _, _, _):
            InterruptSignals.report(error)
            return ExitCode(InterruptSignals.status(number))
        case .writeFailed, .refusingToReplace:
            StandardError.write("Error: \(error.description)\n")
            return ExitCode(3)
        default:
            return error
        }
    }
}
