import RecEngine

/// `lists.jsonl`, checked line by line against the build's data: one line
/// per kept user, items the user has not watched, at most k of them.
struct ListsFile {
    /// One user's line: its cf entries by score descending, then ID order
    /// (SPEC §5's order, whatever the line's order), and its popular fill.
    struct UserList {
        let line: Int
        let collaborative: [(item: Int32, score: Double)]
        let popular: Set<Int32>
    }

    let path: String
    let k: Int
    /// By user index.
    let lists: [UserList]

    /// - Parameter pairs: receives every contributor's similarity.
    /// - Throws: `RecSiteError.invalidResults` naming the file and line.
    init(directory: String, dataset: Dataset, matrix: InteractionMatrix, k: Int, pairs: inout PairCollector,
         workers: Int) throws {
        let path = OutputFile.join(directory, ResultsFolder.lists)
        var byUser = [UserList?](repeating: nil, count: dataset.users.count)
        var linePerUser = LinePerID(kind: "user", ids: dataset.userIndex, count: dataset.users.count, path: path)
        for (line, list) in try ResultLines.read(ResultsFolder.lists, in: directory, as: ResultLines.List.self,
                                                 workers: workers) {
            let user = list.userID
            func refuse(_ reason: String) -> RecSiteError { .invalidResults(path: "\(path):\(line)", reason: reason) }
            let u = try linePerUser.claim(user, line: line)
            guard list.items.count <= k else { throw refuse("user '\(user)' has \(list.items.count) items; k is \(k)") }
            var history = Set<Int32>()
            matrix.forEachHistoryEntry(user: u) { history.insert($0.item) }
            var listed = Set<Int32>(), collaborative: [(item: Int32, score: Double)] = [], popular = Set<Int32>()
            for entry in list.items {
                let item = entry.itemID
                guard let j = dataset.itemIndex[item] else { throw refuse("user '\(user)': unknown item '\(item)'") }
                guard !history.contains(j) else { throw refuse("user '\(user)' has watched '\(item)'; it cannot be recommended") }
                guard listed.insert(j).inserted else { throw refuse("user '\(user)': '\(item)' is listed twice") }
                switch (entry.source, entry.score, entry.contributors) {
                case ("cf", let score?, let contributors?) where score.isFinite && score > 0 && !contributors.isEmpty:
                    for contributor in contributors {
                        guard let c = dataset.itemIndex[contributor.itemID], history.contains(c),
                              contributor.similarity.isFinite, contributor.similarity > 0 else {
                            throw refuse("user '\(user)', item '\(item)': contributor '\(contributor.itemID)' is not "
                                + "a history item with a positive similarity")
                        }
                        pairs.add(j, c, similarity: contributor.similarity, file: path, line: line)
                    }
                    collaborative.append((j, score))
                case ("popular", nil, nil):
                    popular.insert(j)
                default:
                    throw refuse("user '\(user)', item '\(item)': a cf item has a positive score and contributors; "
                        + "popular fill has neither")
                }
            }
            collaborative.sort { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
            byUser[u] = UserList(line: line, collaborative: collaborative, popular: popular)
        }
        _ = try linePerUser.all { dataset.users[$0].id }
        self.path = path
        self.k = k
        lists = byUser.map { $0! }
    }

    /// Every user's list: the cf entries as the file gives them, once each
    /// score equals recsite's sum of its contributions bit for bit; reasons
    /// and popular fill made as `recommendAll` makes them.
    /// - Throws: `RecSiteError.invalidResults` for the first line (in file order) that fails.
    func recommendations(model: RecommenderModel, workers: Int) throws -> [[Recommendation]] {
        let users = model.dataset.users, items = model.dataset.items
        let outcomes = parallelMap(count: lists.count, workers: workers, makeScratch: {}) { u, _ -> Result<[Recommendation], RecSiteError> in
            let list = lists[u]
            func refuse(_ reason: String) -> Result<[Recommendation], RecSiteError> {
                .failure(.invalidResults(path: "\(path):\(list.line)", reason: "user '\(users[u].id)': " + reason))
            }
            for (j, score) in list.collaborative {
                let sum = model.recommender.score(user: u, item: Int(j))
                guard sum.bitPattern == score.bitPattern else {
                    return refuse("the score of '\(items[Int(j)].id)' is \(NumberFormat.exact(score)), but its "
                        + "contributors' sim × r(u,k), added in history order, give \(NumberFormat.exact(sum))")
                }
            }
            let made = model.recommender.list(user: u, collaborative: list.collaborative, k: k)
            let fill = made.filter { $0.source == .popular }.map(\.item)
            guard Set(fill) == list.popular else {
                let names = { (set: [Int32]) in set.sorted().map { items[Int($0)].id }.joined(separator: ", ") }
                return refuse("the popular fill is [\(names(Array(list.popular)))]; by this build's popularity "
                    + "it is [\(names(fill))]")
            }
            return .success(made)
        }
        let failures = outcomes.enumerated().compactMap { u, outcome -> (line: Int, error: RecSiteError)? in
            if case .failure(let error) = outcome { return (lists[u].line, error) }
            return nil
        }
        if let first = failures.min(by: { $0.line < $1.line }) { throw first.error }
        return outcomes.map { try! $0.get() }
    }
}
