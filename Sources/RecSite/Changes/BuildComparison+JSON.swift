/// `recsite diff --json`: the whole comparison, uncut, for tools.
extension BuildComparison {
    public func json(old: String, new: String) -> JSONValue {
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        func ranked(_ values: [Ranked]) -> JSONValue {
            .array(values.map { .object([("item_id", .string($0.item)), ("rank", .integer($0.rank))]) })
        }
        func count(_ change: CountChange) -> JSONValue {
            .object([("name", .string(change.name)), ("old", .integer(change.old)), ("new", .integer(change.new))])
        }
        return .object([
            ("old", .string(old)), ("new", .string(new)), ("changed", .bool(!isEmpty)), ("k", .integer(k)),
            ("settings", .array(settings.map {
                .object([("name", .string($0.name)), ("old", $0.old.map(JSONValue.string) ?? .null),
                         ("new", $0.new.map(JSONValue.string) ?? .null)])
            })),
            ("inputs", .array(inputs.map {
                .object([("file", .string($0.file)), ("rows", count($0.rows)), ("kept", count($0.kept)),
                         ("facts_changed", .bool($0.factsChanged)), ("counts", .array($0.counts.map(count)))])
            })),
            ("users", .object([
                ("compared", .integer(usersCompared)), ("added", strings(usersAdded)), ("removed", strings(usersRemoved)),
                ("profiles_changed", strings(profilesChanged)),
                ("events_changed", .array(events.map {
                    .object([("user_id", .string($0.user)), ("old", .integer($0.old)), ("new", .integer($0.new))])
                })),
            ])),
            ("items", .object([
                ("added", strings(itemsAdded)), ("removed", strings(itemsRemoved)),
                ("changed", .array(itemsChanged.map {
                    .object([("item_id", .string($0.item)), ("old_title", .string($0.old)), ("new_title", .string($0.new))])
                })),
            ])),
            ("lists_changed", .array(lists.map {
                .object([("user_id", .string($0.user)), ("entered", ranked($0.entered)), ("left", ranked($0.left)),
                         ("moved", .array($0.moved.map {
                             .object([("item_id", .string($0.item)), ("old", .integer($0.old)), ("new", .integer($0.new)),
                                      ("new_source", $0.newSource.map(JSONValue.string) ?? .null)])
                         }))])
            })),
            ("score_moves", .array(scoreMoves.map {
                .object([("user_id", .string($0.user)), ("item_id", .string($0.item)), ("old", .number($0.old)),
                         ("new", .number($0.new)), ("relative", $0.relative.isFinite ? .number($0.relative) : .null),
                         ("shown", .bool($0.shown))])
            })),
            ("exposure", .array(exposure.map {
                .object([("item_id", .string($0.item)), ("old", .integer($0.old)), ("new", .integer($0.new))])
            })),
            ("popularity", .array(popularity.map {
                .object([("item_id", .string($0.item)), ("old_rank", .integer($0.old)), ("new_rank", .integer($0.new))])
            })),
        ])
    }
}
