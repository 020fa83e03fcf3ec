import ArgumentParser
import Foundation
import RecEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `recsite synth`: writes a synthetic data set to a folder.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic data set: users.csv, items.csv and events.csv.",
        discussion: """
        Makes a realistic, deterministic data set for an Indonesian streaming service: the same \
        options give the same bytes on any machine. Loading it keeps exactly --users users, \
        --items items and --events events (story events included).

        --dirty adds about 1.5 % extra rows breaking every cleansing rule of SPEC §2, all of which \
        are dropped, and damages a few kept rows in ways cleansing flags or repairs (invalid ages, \
        empty titles, mixed case, padding).

        --story DIR lays DIR/users.csv, DIR/items.csv and DIR/events.csv over the generated rows: \
        story users and items replace generated rows with the same ID (new IDs are added), and \
        story users get exactly the story's events.

        Examples:
          recsite synth --users 1000 --items 500 --events 100000 --out /tmp/synth
          recsite synth --users 300 --items 250 --events 36000 --seed 2025 --dirty \\
            --story data/story --out data --force

        A users.csv, items.csv or events.csv already in --out is not overwritten: synth \
        names it and exits 1 before writing anything, unless --force is given.
        """
    )

    @Option(help: "Users u1…uN.")
    var users = 1_000

    @Option(help: "Items i1…iM.")
    var items = 500

    @Option(help: "Clean events (story events included); --dirty rows come on top.")
    var events = 50_000

    @Option(help: "Random seed; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Flag(help: "Add rows breaking each cleansing rule, interleaved with the clean ones.")
    var dirty = false

    @Option(help: ArgumentHelp("Folder with users.csv, items.csv and events.csv to lay over the generated rows.",
                               valueName: "dir"))
    var story: String?

    @Option(help: ArgumentHelp("Folder to write the three files to (created if missing).", valueName: "dir"))
    var out: String

    @Flag(help: "Replace users.csv, items.csv or events.csv already in --out (refused without it).")
    var force = false

    func validate() throws {
        do {
            try options(story: nil).validate()
        } catch let error as SynthError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let start = ContinuousClock.now
        try refuseToOverwrite()
        let files: SyntheticFiles
        do {
            files = try SyntheticData.generate(options(story: try story.map(readStory)))
        } catch let error as SynthError {
            Self.error(error.description)
            throw ExitCode(1)
        }
        try write(files)
        let elapsed = ContinuousClock.now - start
        let s = files.summary
        let dirtyNote = dirty ? " (+ dirty rows: \(s.dirtyUsers) users, \(s.dirtyItems) items, \(s.dirtyEvents) events)" : ""
        let storyNote = story == nil ? "" : ", \(s.storyEvents) story events"
        Self.note("synth: \(Self.plural(s.users, "user")), \(Self.plural(s.items, "item")), "
            + "\(Self.plural(s.events, "event"))\(dirtyNote)\(storyNote)"
            + " → \(out) in \(Self.seconds(elapsed)) s")
    }

    private func options(story: SynthStory?) -> SynthOptions {
        SynthOptions(users: users, items: items, events: events, seed: seed, dirty: dirty, story: story)
    }

    private func readStory(_ directory: String) throws -> SynthStory {
        let paths = ["users.csv", "items.csv", "events.csv"].map { (directory as NSString).appendingPathComponent($0) }
        var contents: [[UInt8]] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                Self.error("\(path): cannot read the story file (a story needs users.csv, items.csv and events.csv)")
                throw ExitCode(1)
            }
            contents.append([UInt8](data))
        }
        return SynthStory(users: contents[0], items: contents[1], events: contents[2])
    }

    /// Data files are hard to get back, so existing ones are replaced only
    /// with --force (issue 17: `synth --out data` overwrote the sample).
    private func refuseToOverwrite() throws {
        guard !force else { return }
        let existing = ["users.csv", "items.csv", "events.csv"].filter { name in
            var status = stat()
            return lstat((out as NSString).appendingPathComponent(name), &status) == 0
        }
        guard !existing.isEmpty else { return }
        let paths = existing.map { (out as NSString).appendingPathComponent($0) }.joined(separator: ", ")
        Self.error("\(paths): refusing to overwrite: \(existing.count == 1 ? "the file exists" : "the files exist"); "
            + "run again with --force to replace \(existing.count == 1 ? "it" : "them"), or choose another --out")
        throw ExitCode(1)
    }

    /// Writes each file whole; any failure names the path and exits with 3.
    private func write(_ files: SyntheticFiles) throws {
        if let problem = Self.makeDirectory(out) {
            Self.error("\(out): cannot create the output folder: \(problem)")
            throw ExitCode(3)
        }
        for (name, bytes) in [("users.csv", files.users), ("items.csv", files.items), ("events.csv", files.events)] {
            let path = (out as NSString).appendingPathComponent(name)
            if let problem = Self.writeFile(path, bytes) {
                Self.error("\(path): cannot write the file: \(problem)")
                throw ExitCode(3)
            }
        }
    }

    /// - Returns: `nil` on success, else the system's reason.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        guard let file = fopen(path, "wb") else { return String(cString: strerror(errno)) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let failed = written != bytes.count
        let reason = failed ? String(cString: strerror(errno)) : nil
        if fclose(file) != 0, reason == nil { return String(cString: strerror(errno)) }
        return reason
    }

    /// `mkdir -p` with the system's reason on failure (Foundation's messages
    /// do not say which part of the path is wrong).
    /// - Returns: `nil` on success, else the reason.
    private static func makeDirectory(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            var info = stat()
            if stat(prefix, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR { return "\(prefix.dropLast()) exists and is not a folder" }
                continue
            }
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return nil
    }

    // Own stderr helpers (same format as Terminal's) keep this file building
    // on its own.
    private static func error(_ message: String) {
        FileHandle.standardError.write(Data("recsite: \(message)\n".utf8))
    }

    private static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `1.234`: seconds with milliseconds.
    private static func seconds(_ duration: Duration) -> String {
        let ms = Int((duration / .milliseconds(1)).rounded())
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
