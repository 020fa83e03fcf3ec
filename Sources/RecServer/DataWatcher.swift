import Foundation

/// `--reload`: looks at the data files' size, time and inode every
/// `interval` seconds and reloads when they differ from those the served
/// model was read from. Polling is simpler than inotify and portable; a
/// second's delay is fine for a data set that changes by hand.
public enum DataWatcher {
    public static func start(store: ModelStore, interval: Double) -> Task<Void, Never> {
        Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
                if store.inputsChanged { await store.reload(reason: "data files changed") }
            }
        }
    }
}
