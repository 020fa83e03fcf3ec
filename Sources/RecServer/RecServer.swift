import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The HTTP side: a Hummingbird application whose one responder hands each
/// request to `RequestHandler` and writes the access-log line.
public enum RecServer {
    /// The application for `options`, answering from `store`.
    /// - Parameter onRunning: called with the bound port once the server listens.
    public static func application(options: ServerOptions, store: ModelStore, site: StaticSite?, log: ServerLog,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        var logger = Logger(label: "recsite-serve")
        // Hummingbird's own lines (start, stop) are replaced by ours; its warnings and errors stay.
        logger.logLevel = .warning
        return Application(
            responder: Responder(handler: RequestHandler(store: store, site: site), log: log),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port),
                                                    serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger)
    }

    /// The request context: Hummingbird's, plus the connection, whose
    /// buffered bytes `Responder` waits for.
    struct ServerContext: RequestContext {
        var coreContext: CoreRequestContextStorage
        let channel: any Channel

        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            channel = source.channel
        }
    }

    struct Responder: HTTPResponder {
        typealias Context = ServerContext
        let handler: RequestHandler
        let log: ServerLog

        func respond(to request: Request, context: Context) async throws -> Response {
            let start = ContinuousClock.now
            let method = request.method.rawValue
            let answer = handler.answer(method: method, path: Self.path(of: request.uri.string),
                                        query: request.uri.query.map { Substring($0) })
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            headers[.init("X-Content-Type-Options")!] = "nosniff"
            for header in answer.headers {
                if let name = HTTPField.Name(header.name) { headers[name] = header.value }
            }
            let sent = method == "HEAD" ? 0 : answer.body.count
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            log.line(AccessLog.line(method: method, target: request.uri.string, status: answer.status,
                                    bytes: sent, seconds: seconds))
            if method == "HEAD" {
                headers[.contentLength] = String(answer.body.count)
                return Response(status: .init(code: answer.status), headers: headers, body: ResponseBody())
            }
            let channel = context.channel
            return Response(status: .init(code: answer.status), headers: headers,
                            body: ResponseBody(contentLength: answer.body.count) { writer in
                switch answer.body {
                case .bytes(let bytes):
                    try await writer.write(ByteBuffer(bytes: bytes))
                case .file(let path, let size):
                    try await SiteFileBody.stream(path, size: size) { try await writer.write(ByteBuffer(bytes: $0)) }
                }
                if answer.body.count > Self.drainThreshold { await Self.drained(channel) }
                try await writer.finish(nil)
            })
        }

        /// Bodies larger than this wait for the connection's buffer to empty.
        static let drainThreshold = 64 << 10

        /// Returns once the connection has handed every byte written to the
        /// kernel (or after 60 s). A stop closes connections as soon as their
        /// response is written, and closing drops what SwiftNIO still
        /// buffers: a large file sent to a slow client would be cut short.
        /// Waiting here keeps the request in flight until its bytes are out.
        static func drained(_ channel: any Channel) async {
            for _ in 0..<12_000 {
                guard channel.isActive,
                      let buffered = try? await channel.getOption(ChannelOptions.bufferedWritableBytes).get(),
                      buffered > 0 else { return }
                try? await Task.sleep(nanoseconds: 5_000_000)
            }
        }

        /// The target's path, as sent: up to `?` or `#`, without a scheme and host.
        static func path(of target: String) -> Substring {
            var rest = Substring(target)
            if !rest.hasPrefix("/"), let scheme = rest.range(of: "://") {
                rest = rest[scheme.upperBound...]
                rest = rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
            }
            let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? rest.endIndex
            return rest[..<end]
        }
    }
}
