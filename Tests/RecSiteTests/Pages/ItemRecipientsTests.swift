import Foundation
import RecEngine
import Testing
@testable import RecSite

/// An item's page, CSV and JSON name every user it is recommended to,
/// recomputed here from the users' lists.
@Suite struct ItemRecipientsTests {
    @Test func everyRecipientWithRankSourceAndScore() throws {
        let site = try PageFixture.site()
        let model = site.model, users = model.dataset.users
        let builder = ReportBuilder(model: model, recommendations: site.recommendations)
        var listed = 0
        for (i, item) in model.dataset.items.enumerated() {
            // (rank, user) for every list holding item i, by rank, then user ID order.
            var expected: [(rank: Int, user: Int, rec: Recommendation)] = []
            for (u, list) in site.recommendations.enumerated() {
                if let rec = list.first(where: { Int($0.item) == i }) { expected.append((rec.rank, u, rec)) }
            }
            expected.sort { $0.rank != $1.rank ? $0.rank < $1.rank : IDOrder.less(users[$0.user].id, users[$1.user].id) }
            let report = builder.item(i)
            let csv = CSVExports(model: model).recommendedTo(report)
            let rows = ["rank,user_id,source,score"] + expected.map {
                "\($0.rank),\(users[$0.user].id),\($0.rec.source.rawValue),\($0.rec.score.map(NumberFormat.exact) ?? "")"
            }
            #expect(csv == rows.joined(separator: "\r\n") + "\r\n", "\(item.id)")
            let json = APIDocuments(model: model).recommendedTo(report).serialized()
            #expect(json.hasPrefix("{\"item_id\":\(JSONValue.string(item.id).serialized()),\"k\":\(model.config.k),\"users\":["))
            #expect(json.components(separatedBy: "\"user_id\"").count - 1 == expected.count)
            // The page lists the first ones, linked.
            let page = try site.page(SitePaths.item(item.id)).markdown
            for entry in expected.prefix(ItemPage.recipientRows) {
                let link = MarkdownLink.to(SitePaths.user(users[entry.user].id), from: SitePaths.item(item.id), text: users[entry.user].id)
                #expect(page.contains("| \(entry.rank) | \(link) | "), "\(item.id) lacks \(users[entry.user].id)")
            }
            listed += expected.count
        }
        #expect(listed == site.recommendations.reduce(0) { $0 + $1.count })
    }
}
