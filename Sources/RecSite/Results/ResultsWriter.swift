import RecEngine

/// Writes a results folder from recsite's own engine (`recsite recommend
/// --all --results-out DIR`): the same files, byte for byte, as the Spark
/// job's with `--sums canonical`, so a build from either equals an ordinary
/// build.
public enum ResultsWriter {
    /// The three files' text, by file name.
    /// - Parameters:
    ///   - model: the model the lists came from.
    ///   - recommendations: every user's list, in user order.
    /// - Complexity: O(users × k × |H(u)| × log neighbours + items × n log n).
    public static func files(model: RecommenderModel, recommendations: [[Recommendation]],
                             workers: Int = ProcessInfoCores.count) -> [(name: String, text: String)] {
        let key = ResultsKey.of(dataset: model.dataset, matrix: model.matrix, k: model.config.k)
        let users = parallelMap(count: recommendations.count, workers: workers, makeScratch: {}) { u, _ in
            listLine(user: u, list: recommendations[u], model: model).serialized() + "\n"
        }
        let items = parallelMap(count: model.dataset.items.count, workers: workers, makeScratch: {}) { i, _ in
            neighbourLine(item: i, model: model).serialized() + "\n"
        }
        return [(ResultsFolder.manifest, ResultsManifest(key: key, config: model.config, users: model.dataset.users.count, items: model.dataset.items.count).json.serialized() + "\n"),
                (ResultsFolder.lists, users.joined()), (ResultsFolder.neighbours, items.joined())]
    }

    /// Writes the files into `directory` (created if missing; other files are left alone).
    /// - Throws: `RecSiteError.writeFailed` naming the file.
    public static func write(model: RecommenderModel, recommendations: [[Recommendation]], to directory: String,
                             workers: Int = ProcessInfoCores.count) throws {
        for file in files(model: model, recommendations: recommendations, workers: workers) {
            try OutputFile.write(file.text, to: OutputFile.join(directory, file.name))
        }
    }

    /// `{"user_id", "items": [{"item_id", "source", "score", "contributors": [[item_id, sim], …]}, …]}`;
    /// popular fill has only `item_id` and `source`.
    static func listLine(user u: Int, list: [Recommendation], model: RecommenderModel) -> JSONValue {
        let items = model.dataset.items
        return .object([
            ("user_id", .string(model.dataset.users[u].id)),
            ("items", .array(list.map { rec in
                guard let score = rec.score, rec.source == .cf else {
                    return .object([("item_id", .string(items[Int(rec.item)].id)), ("source", .string(rec.source.rawValue))])
                }
                let contributors = model.breakdown(user: u, item: Int(rec.item)).contributions
                return .object([
                    ("item_id", .string(items[Int(rec.item)].id)), ("source", .string(rec.source.rawValue)),
                    ("score", .number(score)),
                    ("contributors", .array(contributors.map { similarItem(items[Int($0.item)], $0.similarity) })),
                ])
            })),
        ])
    }

    /// `{"item_id", "neighbours": [[item_id, sim], …]}`: the nearest items, as the item page lists them.
    static func neighbourLine(item i: Int, model: RecommenderModel) -> JSONValue {
        let items = model.dataset.items
        return .object([
            ("item_id", .string(items[i].id)),
            ("neighbours", .array(model.mostSimilar(to: i, limit: ResultsFolder.neighbourCount).map {
                similarItem(items[$0.item], $0.similarity)
            })),
        ])
    }

    /// `[item_id, sim]`: a contributor or a neighbour.
    private static func similarItem(_ item: Item, _ similarity: Double) -> JSONValue {
        .array([.string(item.id), .number(similarity)])
    }
}
