import RecEngine

/// `recsite merge`: the folders of `recsite build --shard I/N`, I = 1…N,
/// put together into one site, written as a build writes one (staged,
/// locked, swapped in atomically; unchanged files keep their inode). The
/// shards' files are hard-linked into the site, not copied (copied across
/// file systems), so a merge reads the pages for their links and writes
/// no file's bytes.
///
/// Before anything is swapped in it checks that the folders are the N
/// shards of one build (their markers: same N, same build key, each I
/// once), that no two hold the same file, and every internal link of the
/// merged site: each page's links (read back from its Markdown with cmark
/// and from its HTML) and the data files' links shard 1 listed. The merged
/// site is byte for byte the one a whole build writes.
public struct ShardMerge: Sendable {
    /// The shards' folders, in any order.
    public let shards: [String]
    /// The site folder to write.
    public let target: String
    public let workers: Int
    /// As `SiteBuilder.Options.force`.
    public let force: Bool
    /// Files link-read and linked per batch.
    public let batchSize = 4096

    public init(shards: [String], target: String, workers: Int = ProcessInfoCores.count, force: Bool = false) {
        (self.shards, self.target, self.workers, self.force) = (shards, target, workers, force)
    }

    /// What a merge wrote.
    public struct Outcome: Sendable {
        /// Files of the merged site, its manifest included.
        public let files: Int
        public let diff: SiteDiff
    }

    /// Merges the shards into `target`.
    /// - Throws: `RecSiteError.invalidConfig` when the folders are not the
    ///   shards of one build or two hold the same file; `.brokenLinks`;
    ///   `.writeFailed`, `.refusingToReplace` or `.interrupted` as a build
    ///   does. The old site is then untouched.
    public func merge(console: BuildConsole, interruption: BuildInterruption = BuildInterruption()) throws -> Outcome {
        let (sources, dataLinks) = try plan()
        let writer = SiteWriter(target: target, workers: workers, force: force)
        try writer.refuseInputsInside(shards.map { ("a shard folder", $0) })
        let guarder = try writer.lock(interruption: interruption)
        defer { guarder.finish() }
        console.phase("merging \(shards.count) shards into \(writer.target)/")
        let site = try writer.stage(holding: guarder)
        do {
            let renderer = try MarkdownRenderer()
            var pages: [LinkChecker.PageLinks] = []
            for start in stride(from: 0, to: sources.count, by: batchSize) {
                let batch = Array(sources[start..<min(sources.count, start + batchSize)])
                pages += try parallelMap(count: batch.count, workers: workers, makeScratch: {}) { index, _ in
                    Result { try Self.links(of: batch[index], renderer: renderer) }
                }.compactMap { try $0.get() }
                try site.putLinked(batch.map { (path: $0.path, source: $0.folder + "/" + $0.path) })
            }
            console.phase("checking links")
            try LinkChecker.verify(pages, paths: site.paths, extraLinks: dataLinks, workers: workers)
            let diff = try site.commit()
            console.note("merged \(shards.count) shards into \(writer.target)/: \(site.paths.count + 1) files: "
                + "\(diff.written) written, \(diff.unchanged) unchanged, \(diff.removed.count) removed")
            return Outcome(files: site.paths.count + 1, diff: diff)
        } catch {
            throw site.abandon(after: error)
        }
    }

    /// One file to copy: where it is, and its path in the site.
    struct Source: Sendable {
        let folder: String
        let path: String
    }

    /// The files to copy, in path order, and the data files' links; every
    /// check that needs no file read.
    func plan() throws -> (sources: [Source], dataLinks: [(file: String, target: String)]) {
        guard !shards.isEmpty else {
            throw RecSiteError.invalidConfig(path: target, reason: "no shard folders to merge")
        }
        let markers = try shards.map { try ShardMarker.read(path: $0 + "/" + SiteShard.markerPath) }
        let count = markers[0].shard.count
        var folderOf: [Int: String] = [:]
        for (folder, marker) in zip(shards, markers) {
            if marker.shard.count != count || marker.build != markers[0].build {
                throw RecSiteError.invalidConfig(
                    path: folder, reason: "shard \(marker.shard.name) of another build than \(shards[0]) "
                        + "(shard \(markers[0].shard.name)); build every shard from the same data, settings and flags")
            }
            if let other = folderOf.updateValue(folder, forKey: marker.shard.index) {
                throw RecSiteError.invalidConfig(path: folder, reason: "shard \(marker.shard.name) is also in \(other)")
            }
        }
        let missing = (1...count).filter { folderOf[$0] == nil }
        guard missing.isEmpty else {
            throw RecSiteError.invalidConfig(
                path: target, reason: "missing shard\(missing.count == 1 ? "" : "s") "
                    + missing.map { "\($0)/\(count)" }.joined(separator: ", ") + " of the \(count)")
        }
        var owner: [String: String] = [:]
        var sources: [Source] = []
        for index in 1...count {
            let folder = folderOf[index]!
            let listed = SiteWriter.manifestEntries(FileSystem.read(folder + "/" + SiteWriter.manifestPath) ?? [])
            for path in listed.sorted() where path != SiteShard.markerPath {
                if let other = owner.updateValue(folder, forKey: path) {
                    throw RecSiteError.invalidConfig(path: folder + "/" + path, reason: "also in shard folder \(other)")
                }
                sources.append(Source(folder: folder, path: path))
            }
        }
        sources.sort { $0.path < $1.path }
        return (sources, markers.first { $0.shard.rendersSiteWide }!.dataLinks)
    }

    /// The links of a shard's file when it is a page; nil for other files.
    /// - Throws: `RecSiteError.invalidConfig` when the file is not a regular
    ///   file (a shard holds nothing else) or cannot be read.
    private static func links(of source: Source, renderer: MarkdownRenderer) throws -> LinkChecker.PageLinks? {
        let full = source.folder + "/" + source.path
        guard FileSystem.fileSize(full) != nil else {
            throw RecSiteError.invalidConfig(path: full, reason: "listed in the shard's manifest but not a regular file")
        }
        let isMarkdown = source.path.hasSuffix(".md") && source.path != SiteLanding.readmePath  // its links are data links
        let isHTML = source.path.hasSuffix(".html") && !source.path.hasPrefix("assets/")
        guard isMarkdown || isHTML else { return nil }
        guard let bytes = FileSystem.read(full) else {
            throw RecSiteError.invalidConfig(path: full, reason: "listed in the shard's manifest but cannot be read")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return .init(page: source.path, links: isMarkdown ? try LinkChecker.links(inMarkdown: text, renderer: renderer)
                                                          : LinkChecker.links(inHTML: text))
    }
}
