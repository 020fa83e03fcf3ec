/// The weight of each event type (SPEC §3). Types are kept in a fixed order
/// so that output built from them is deterministic.
public struct EventWeights: Sendable, Equatable {
    public private(set) var types: [String]
    public private(set) var weights: [Double]

    /// SPEC §3's default table.
    public static let standard = EventWeights(uncheckedPairs: [
        ("play", 1.0), ("complete", 3.0), ("like", 2.5), ("save", 2.0), ("pause", 0.5), ("skip", 0.1),
    ])

    private init(uncheckedPairs: [(String, Double)]) {
        types = uncheckedPairs.map(\.0)
        weights = uncheckedPairs.map(\.1)
    }

    /// Creates a table; names are trimmed and lower-cased like `event_type` values.
    /// - Throws: `RecEngineError.invalidWeight` for an empty name, a repeated
    ///   name, a weight outside 0…1e6 (`ValueLimits`), or more than 255 types.
    public init(_ pairs: [(String, Double)]) throws {
        types = []
        weights = []
        for (name, weight) in pairs {
            try set(name, weight)
        }
    }

    /// Sets (or adds) the weight of one event type.
    public mutating func set(_ rawName: String, _ weight: Double) throws {
        let name = rawName.trimmingPythonWhitespace().lowercased()
        guard !name.isEmpty else { throw RecEngineError.invalidWeight(name: rawName, reason: "the event type is empty") }
        guard weight.isFinite, weight >= 0, weight <= ValueLimits.maxWeight else {
            throw RecEngineError.invalidWeight(
                name: name, reason: "a weight must be a number from 0 to 1e6 (1000000), not \(weight)")
        }
        if let index = types.firstIndex(of: name) {
            weights[index] = weight
        } else {
            guard types.count < 255 else { throw RecEngineError.invalidWeight(name: name, reason: "at most 255 event types") }
            types.append(name)
            weights.append(weight)
        }
    }

    public func weight(of type: String) -> Double? {
        types.firstIndex(of: type).map { weights[$0] }
    }
}

extension String {
    /// Trims the white space that CSV fields are trimmed of.
    public func trimmingPythonWhitespace() -> String {
        var copy = self
        return copy.withUTF8 { FieldTrimming.string(FieldTrimming.trimmed($0)) }
    }
}
