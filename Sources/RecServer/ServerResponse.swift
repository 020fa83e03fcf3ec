import RecSite

/// What the server answers, before it becomes an HTTP response: status,
/// content type, body, and any extra headers. Kept free of Hummingbird so the
/// routing and the file lookup are plain functions.
public struct ServerResponse: Sendable {
    /// What the body is: bytes in memory, or a site file too large to read
    /// whole, sent in pieces as the client takes them.
    public enum Body: Sendable, Equatable {
        case bytes([UInt8])
        case file(path: String, size: Int)

        public var count: Int {
            switch self {
            case .bytes(let bytes): return bytes.count
            case .file(_, let size): return size
            }
        }
    }

    public let status: Int
    public let contentType: String
    public let body: Body
    public var headers: [(name: String, value: String)] = []

    public init(status: Int, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
        self.init(status: status, contentType: contentType, body: .bytes(body), headers: headers)
    }

    public init(status: Int, contentType: String, body: Body, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// A JSON document as the site's data files hold it (pretty, final newline).
    static func json(_ value: JSONValue, status: Int = 200) -> ServerResponse {
        ServerResponse(status: status, contentType: ContentType.json, body: SiteData.json(value))
    }

    /// `{"error": message, "status": status, …details}`: every failure's shape.
    static func error(_ status: Int, _ message: String, _ details: [(String, JSONValue)] = []) -> ServerResponse {
        json(.object([("error", .string(message)), ("status", .integer(status))] + details), status: status)
    }

    static func notFound(path: String) -> ServerResponse {
        error(404, "not found", [("path", .string(path))])
    }
}
