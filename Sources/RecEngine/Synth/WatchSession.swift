/// The events of one viewer on one item: a small state machine (play, then
/// pause / complete / skip / like / save, rewatches after a complete) with
/// watch_seconds that fit each type, spread over time so that the events of
/// a pair have strictly increasing instants — which is what keeps every
/// generated event distinct under SPEC §2's duplicate rule.
struct WatchSession {
    private var kinds: [EventKind] = []
    private var watch: [Int32] = []
    /// Whole seconds from the session's first event.
    private var offset: [Int64] = []

    /// Appends `count` events of `user` on `item` to `log`.
    /// - Parameters:
    ///   - runtime: seconds of one full viewing.
    ///   - zoneMinutes: the viewer's UTC offset; evenings are local evenings.
    ///   - firstDay: the earliest day of 2025 (0-based) the viewer is active.
    /// - Complexity: O(count).
    mutating func append(
        count: Int, user: Int32, item: Int32, runtime: Int, zoneMinutes: Int, firstDay: Int,
        to log: inout ViewingLog, random: inout SeededRandom
    ) {
        script(count: count, runtime: runtime, random: &random)
        let yearStartSeconds = SynthTimestamp.yearStart / 1000
        let lastSecond = SynthTimestamp.yearEnd / 1000 - 1
        let span = offset[count - 1]
        let available = lastSecond - yearStartSeconds
        guard span <= available else {
            spreadEvenly(user: user, item: item, to: &log, random: &random)
            return
        }
        // The last day the session can start on and still end in 2025.
        let lastDay = Int(max(0, (lastSecond - span - yearStartSeconds) / 86_400 - 1))
        let day = Int64(random.int(in: min(firstDay, lastDay)...lastDay))
        var start = yearStartSeconds + day * 86_400 + Int64(Self.localSecondOfDay(&random) - zoneMinutes * 60)
        if start < yearStartSeconds { start += 86_400 }  // a local evening of 31 December 2024
        start = min(start, lastSecond - span)
        for j in 0..<count {
            let millis = random.chance(0.12) ? Int64(random.int(in: 1...999)) : 0
            log.append(user: user, item: item, type: kinds[j], watchTenths: watch[j],
                       time: (start + offset[j]) * 1000 + millis, form: Self.form(&random))
        }
    }

    /// A pair with more events than a year has seconds (only in extreme
    /// options): the events are spread evenly, a millisecond or more apart.
    private func spreadEvenly(user: Int32, item: Int32, to log: inout ViewingLog, random: inout SeededRandom) {
        let step = max(1, (SynthTimestamp.yearEnd - SynthTimestamp.yearStart) / Int64(kinds.count))
        for j in kinds.indices {
            log.append(user: user, item: item, type: kinds[j], watchTenths: watch[j],
                       time: SynthTimestamp.yearStart + Int64(j) * step, form: .utc)
        }
    }

    private mutating func script(count: Int, runtime: Int, random: inout SeededRandom) {
        kinds.removeAll(keepingCapacity: true)
        watch.removeAll(keepingCapacity: true)
        offset.removeAll(keepingCapacity: true)
        var previous: EventKind?
        var previousSeconds = 0.0
        var at: Int64 = 0
        for _ in 0..<count {
            let kind = Self.next(after: previous, &random)
            let seconds = Self.watchSeconds(kind, runtime: Double(runtime), &random)
            // A complete comes when the rest of the runtime has played.
            if kind == .complete, previous == .play { at += Int64(max(0, Double(runtime) - previousSeconds)) }
            kinds.append(kind)
            // A fifth of the values keep a tenth of a second, as players report.
            watch.append(random.chance(0.2) ? Int32(seconds * 10) : Int32(seconds) * 10)
            offset.append(at)
            at += Self.gap(after: kind, watched: Int64(seconds), &random)
            previous = kind
            previousSeconds = seconds
        }
    }

    private static func next(after previous: EventKind?, _ random: inout SeededRandom) -> EventKind {
        let u = random.unit()
        switch previous {
        case nil: return u < 0.06 ? .save : u < 0.12 ? .skip : .play
        case .play?: return u < 0.40 ? .complete : u < 0.70 ? .pause : u < 0.82 ? .skip : u < 0.92 ? .like : .save
        case .pause?: return u < 0.85 ? .play : .skip
        case .complete?: return u < 0.40 ? .like : u < 0.60 ? .save : .play
        case .like?: return u < 0.30 ? .save : .play
        case .save?: return u < 0.80 ? .play : .like
        case .skip?: return u < 0.60 ? .play : u < 0.80 ? .skip : .save
        }
    }

    /// A complete is about the runtime, a skip a few seconds, a save happens
    /// early, the rest somewhere in between.
    private static func watchSeconds(_ kind: EventKind, runtime: Double, _ random: inout SeededRandom) -> Double {
        let u = random.unit()
        switch kind {
        case .play: return runtime * (0.05 + 0.85 * u)
        case .pause: return runtime * (0.02 + 0.6 * u)
        case .complete: return runtime * (0.97 + 0.03 * u)
        case .like: return runtime * (0.3 + 0.7 * u)
        case .save: return runtime * 0.05 * u
        case .skip: return 1 + u * min(120, runtime / 4)
        }
    }

    /// Seconds until the next event: a play lasts what it watched; after a
    /// complete or a pause the viewer often comes back days or hours later.
    private static func gap(after kind: EventKind, watched: Int64, _ random: inout SeededRandom) -> Int64 {
        let pause = Int64(random.int(in: 3...600))
        switch kind {
        case .play: return watched + pause
        case .complete where random.chance(0.5): return Int64(random.int(in: 1...20)) * 86_400 + pause
        case .pause where random.chance(0.2): return Int64(random.int(in: 1...12)) * 3_600 + pause
        default: return pause
        }
    }

    /// Mostly evenings, some afternoons, a few late nights and mornings.
    private static func localSecondOfDay(_ random: inout SeededRandom) -> Int {
        let u = random.unit()
        let hour = u < 0.55 ? random.int(in: 18...23)
            : u < 0.80 ? random.int(in: 11...17)
            : u < 0.92 ? random.int(in: 0...1)
            : random.int(in: 5...10)
        return hour * 3600 + random.below(3600)
    }

    /// UTC with `Z` most often; local `+07:00` forms from some clients.
    private static func form(_ random: inout SeededRandom) -> TimestampForm {
        let u = random.unit()
        return u < 0.55 ? .utc : u < 0.77 ? .localSpace : u < 0.85 ? .localT : u < 0.93 ? .naive : .minutes
    }
}
