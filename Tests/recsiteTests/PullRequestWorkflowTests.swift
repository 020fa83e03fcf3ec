import Foundation
import Testing

/// The pull-request workflow of docs/publishing.md, run as CI runs it
/// (scripts/pr-site.sh) in a temporary git repository: a site committed on
/// the base, a data change, the regenerated site, and the change report.
@Suite struct PullRequestWorkflowTests {
    /// Runs a shell script in `folder` with the workflow's environment.
    static func shell(_ script: String, in folder: URL) throws -> RecsiteProcess.Result {
        let root = RecsiteProcess.repositoryRoot.path
        let environment = "export RECSITE='\(RecsiteProcess.executable.path)' "
            + "BUILD_FLAGS='--templates \(root)/templates --workers 2' GIT_AUTHOR='CI <ci@example.com>'; "
            + "git() { command git -c user.name=T -c user.email=t@example.com \"$@\"; }; "
        return try RecsiteProcess.run(["-c", environment + "set -e; " + script], in: folder,
                                      program: URL(fileURLWithPath: "/bin/bash"))
    }

    @Test func regenerateCommitAndReport() throws {
        let repository = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: repository) }
        let fixture = RecsiteProcess.repositoryRoot.appendingPathComponent("Tests/Fixtures/build-small").path
        let script = RecsiteProcess.repositoryRoot.appendingPathComponent("scripts/pr-site.sh").path
        // The base: data and its site, committed.
        var result = try Self.shell("""
            git init -q -b main . && mkdir data && cp \(fixture)/*.csv data/ && git add data && git commit -qm data
            \(script) regenerate
            """, in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("committed the regenerated site/"))
        let firstChanges = try String(contentsOf: repository.appendingPathComponent("site/changes.md"), encoding: .utf8)
        #expect(firstChanges.contains("This is the first build of this site"))

        // The pull request: one more event for u1, the site regenerated and committed.
        result = try Self.shell("""
            git checkout -q -b change
            printf 'u1,i3,like,50,2025-03-01T10:00:00Z\\n' >> data/events.csv && git commit -qam "one more event"
            \(script) regenerate
            \(script) report main
            """, in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        let report = result.stdout
        #expect(report.hasPrefix("committed the regenerated site/\n## recsite: changes from site at main to site\n"))
        // 14 rows, one for the unknown item i9 dropped; u1 keeps 3 events, now 4.
        #expect(report.contains("| events.csv | 14 → 15 | 13 → 14 | changed | same |"))
        #expect(report.contains("| u1 | 3 → 4 |"))
        #expect(report.count < 60_000)

        // The site says the same, with links, and u1's page says what moved.
        let changes = try String(contentsOf: repository.appendingPathComponent("site/changes.md"), encoding: .utf8)
        #expect(changes.contains("| [u1](users/u1.md) | 3 → 4 |"))
        let page = try String(contentsOf: repository.appendingPathComponent("site/users/u1.md"), encoding: .utf8)
        #expect(page.contains("**Changed since the previous build** ([all changes](../changes.md)): kept events 3 → 4"))

        // Building the same facts again changes nothing: the comparison is kept.
        result = try Self.shell("\(script) regenerate && git log --oneline | wc -l", in: repository)
        #expect(result.stdout == "site/ is up to date\n4\n", "\(result.stderr)")

        // Two revisions, read through git without a checkout, as JSON.
        result = try Self.shell("\"$RECSITE\" diff --git main --git change --json", in: repository)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["changed"] as? Bool == true)
        #expect(json["old"] as? String == "site at main" && json["new"] as? String == "site at change")
        let users = try #require(json["users"] as? [String: Any])
        #expect((users["events_changed"] as? [[String: Any]])?.map { $0["user_id"] as? String } == ["u1"])

        // A revision without the site is a clear error.
        result = try Self.shell("\"$RECSITE\" diff --git HEAD~3", in: repository)
        #expect(result.status == 1)
        #expect(result.stderr.contains("git show HEAD~3:site/api/build.json failed"))
    }
}
