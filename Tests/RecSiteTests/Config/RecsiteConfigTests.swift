import Foundation
import RecEngine
import RecSite
import Testing

@Suite("recsite.yml settings")
struct RecsiteConfigTests {
    func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-\(UUID().uuidString).yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsWithoutAFile() throws {
        let config = try RecsiteConfig.load(path: nil)
        #expect(config.k == 10)
        #expect(config.weights.types == ["play", "complete", "like", "save", "pause", "skip"])
        #expect(config.weights.weights == [1.0, 3.0, 2.5, 2.0, 0.5, 0.1])
    }

    @Test func fileReplacesTheTableAndFlagsOverride() throws {
        let path = try write("k: 5\nweights:\n  Play: 2\n  complete: 4.5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try RecsiteConfig.load(path: path)
        #expect(fromFile.k == 5)
        #expect(fromFile.weights.types == ["play", "complete"])
        #expect(fromFile.weights.weights == [2, 4.5])
        let overridden = try RecsiteConfig.load(path: path, weightOverrides: ["complete=1", " PLAY =0.25"], k: 3)
        #expect(overridden.k == 3)
        #expect(overridden.weights.types == ["play", "complete"])
        #expect(overridden.weights.weights == [0.25, 1])
        // A type the file does not declare is not added by a flag (it used
        // to be: `skip=0.25` made a third type); the file must declare it.
        #expect(throws: RecSiteError.invalidConfig(path: "--weight", reason: "unknown event type 'skip' (known: play, complete); "
                                                    + "a new type must be declared under 'weights' in the settings file")) {
            try RecsiteConfig.load(path: path, weightOverrides: ["skip=0.25"])
        }
    }

    /// `--weight lik=3` (a typo) is an error listing the default types, not
    /// a new type no event has (issue 17, class 14).
    @Test func unknownWeightTypeListsTheKnownOnes() {
        #expect(throws: RecSiteError.invalidConfig(
            path: "--weight", reason: "unknown event type 'lik' (known: play, complete, like, save, pause, skip); "
                + "a new type must be declared under 'weights' in the settings file")) {
            try RecsiteConfig.load(path: nil, weightOverrides: ["lik=3"])
        }
    }

    @Test(arguments: [
        ("k: 0\n", "k must be a whole number ≥ 1"),
        ("weights:\n  play: -1\n", "a weight must be a number from 0 to 1e6"),
        ("weights:\n  play: lots\n", "weight of 'play' is not a number"),
        ("colour: blue\n", "unknown setting 'colour' (known: k, weights)"),
        ("k: [1\n", "not valid YAML"),
        ("k: [1,2\nweights: {", "line 2, column 8: not valid YAML: did not find expected ',' or ']'"),
    ])
    func invalidSettingsNameTheFile(_ yaml: String, _ message: String) throws {
        let path = try write(yaml)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try RecsiteConfig.load(path: path)
            Issue.record("expected an error for \(yaml)")
        } catch let error as RecSiteError {
            #expect(error.description.hasPrefix(path + ": "))
            #expect(error.description.contains(message))
            #expect(!error.description.contains("\n"), "one line: \(error.description)")
        }
    }

    @Test func missingExplicitFileIsAnError() {
        #expect(throws: RecSiteError.self) { try RecsiteConfig.load(path: "/nonexistent/recsite.yml") }
    }

    @Test func malformedWeightFlag() {
        #expect(throws: RecSiteError.invalidConfig(path: "--weight", reason: "expected TYPE=WEIGHT, got 'play'")) {
            try RecsiteConfig.load(path: nil, weightOverrides: ["play"])
        }
    }
}
