import Foundation
@testable import RecSite
import Testing

@Suite("SiteShard")
struct SiteShardTests {
    @Test func parsesIOfN() {
        #expect(SiteShard("2/5") == SiteShard(index: 2, count: 5))
        #expect(SiteShard("1/1")?.rendersSiteWide == true)
        #expect(SiteShard("2/5")?.rendersSiteWide == false)
        #expect(SiteShard("2/5")?.name == "2/5")
        for bad in ["0/2", "3/2", "1/0", "a/2", "1/2/3", "1", "/2", "1/", "+1/2", " 1/2", "１/2"] {
            #expect(SiteShard(bad) == nil, "\(bad)")
        }
    }

    /// Every number belongs to exactly one shard, and `ownedCount` counts them.
    @Test(arguments: [1, 2, 3, 7])
    func everyNumberHasOneShard(count: Int) {
        let shards = (1...count).map { SiteShard(index: $0, count: count)! }
        for n in 0..<50 { #expect(shards.filter { $0.owns(n) }.count == 1) }
        for total in [0, 1, 2, 6, 7, 8, 50] {
            for shard in shards {
                #expect(shard.ownedCount(of: total) == (0..<total).filter(shard.owns).count, "\(shard.name) of \(total)")
            }
        }
        #expect(shards[0].owned(in: 5..<12) == (5..<12).filter { $0 % count == 0 })
    }

    @Test func markerRoundTrips() throws {
        let marker = ShardMarker(shard: SiteShard(index: 1, count: 4)!, build: "00ff00ff00ff00ff",
                                 dataLinks: [(file: "api/users.json", target: "users/u1.html")])
        let folder = "/tmp/recsite-shard-marker-test"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + SiteShard.markerPath
        try Data(marker.file.bytes).write(to: URL(fileURLWithPath: path))
        #expect(try ShardMarker.read(path: path) == marker)
        try Data("{\"shard\": 5, \"of\": 4, \"build\": \"00ff00ff00ff00ff\", \"data_links\": []}".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: RecSiteError.self) { try ShardMarker.read(path: path) }
    }
}
