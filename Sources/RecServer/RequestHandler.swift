import RecSite

/// One request, start to end, without the HTTP machinery: the API routes
/// first, then the site's files, else a JSON 404. Only GET and HEAD.
public struct RequestHandler: Sendable {
    public let store: ModelStore
    /// `nil` when there is no site folder: then only the API answers.
    public let site: StaticSite?

    public init(store: ModelStore, site: StaticSite?) {
        self.store = store
        self.site = site
    }

    /// - Parameters:
    ///   - method: the request method, upper case.
    ///   - path: the target's path, still percent-encoded.
    ///   - query: the target's query string, if any.
    public func answer(method: String, path: Substring, query: Substring?) -> ServerResponse {
        guard method == "GET" || method == "HEAD" else {
            var response = ServerResponse.error(405, "method \(method) not allowed; use GET")
            response.headers.append((name: "Allow", value: "GET, HEAD"))
            return response
        }
        if APIRoutes.paths.contains(String(path)) {
            guard let parameters = QueryParameters(query) else {
                return .error(400, "the query is not valid percent-encoded UTF-8")
            }
            return APIRoutes.respond(path: String(path), query: parameters, model: store.current)
                ?? .notFound(path: String(path))
        }
        guard let site else { return .notFound(path: String(path)) }
        switch site.lookup(rawPath: path) {
        case .file(let file):
            guard let body = SiteFileBody.body(of: file) else { return .notFound(path: String(path)) }
            return ServerResponse(status: 200, contentType: ContentType.of(path: file), body: body)
        case .redirect(let location):
            var response = ServerResponse.json(.object([("location", .string(location))]), status: 301)
            response.headers.append((name: "Location", value: location))
            return response
        case .notFound:
            return .notFound(path: String(path))
        case .badRequest(let reason):
            return .error(400, reason)
        }
    }
}
