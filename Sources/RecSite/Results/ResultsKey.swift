import RecEngine

/// The build key of a results folder: a fingerprint of everything the
/// engine's results depend on — k, the kept user and item IDs, and every
/// (user, item, r(u,i)) of R, r by its bits. Weights and cleansing enter
/// through r; titles, names and events' times do not change a result, so
/// they are not in the key (the build reads them itself).
///
/// Rows are added as a multiset (`Fingerprint.add`), so the key is the same
/// whatever order a writer visits them in; spark/recsite_spark/resultskey.py
/// computes the same value.
public enum ResultsKey {
    /// - Complexity: O(users + items + Σ_u |H(u)|).
    public static func of(dataset: Dataset, matrix: InteractionMatrix, k: Int) -> Fingerprint {
        var rows = Fingerprint()
        for user in dataset.users { rows.add(Fingerprint.of(["user", user.id])) }
        for item in dataset.items { rows.add(Fingerprint.of(["item", item.id])) }
        for (u, user) in dataset.users.enumerated() {
            matrix.forEachHistoryEntry(user: u) { entry in
                rows.add(Fingerprint.of(["r", user.id, dataset.items[Int(entry.item)].id]).then(entry.score.bitPattern))
            }
        }
        return Fingerprint.of([ResultsFolder.format, String(ResultsFolder.version), "k", String(k)]).then(rows.value)
    }
}
