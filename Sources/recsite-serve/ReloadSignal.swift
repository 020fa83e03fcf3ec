import Dispatch
import Foundation
import RecServer

/// SIGHUP reloads the data (the server's process owns its signals; the
/// library never installs a handler).
enum ReloadSignal {
    static func install(store: ModelStore) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler {
            Task { await store.reload(reason: "SIGHUP") }
        }
        source.resume()
        return source
    }
}
