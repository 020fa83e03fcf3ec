import RecEngine
import RecSite

/// The original server's routes, answered from a `ServedModel` with the
/// static API's documents (`APIDocuments`, written as `SiteData.json`): a
/// route's answer at the default `k` is the site's file, byte for byte.
/// Every failure is a JSON error with its status (docs/serving.md).
public enum APIRoutes {
    /// The route names, for `/openapi.yaml` and the tests.
    public static let paths = ["/health", "/popular", "/recommendations", "/user_history", "/explain", "/openapi.yaml"]

    /// The answer to `path` (already known to be a route) with `query`, or nil when `path` is not a route.
    static func respond(path: String, query: QueryParameters, model: ServedModel) -> ServerResponse? {
        switch path {
        case "/health": return .json(model.api.health())
        case "/popular": return popular(query, model)
        case "/recommendations": return recommendations(query, model)
        case "/user_history": return userHistory(query, model)
        case "/explain": return explain(query, model)
        case "/openapi.yaml":
            return ServerResponse(status: 200, contentType: "application/yaml; charset=utf-8",
                                  body: Array(OpenAPIDocument.text(maxK: ServedModel.maxK).utf8))
        default: return nil
        }
    }

    /// `/popular?k=&type=`: `api/popular.json`'s shape; k defaults to its 100 items.
    static func popular(_ query: QueryParameters, _ model: ServedModel) -> ServerResponse {
        let k: Int
        switch parseK(query, default: APIDocuments.popularLimit) {
        case .success(let value): k = value
        case .failure(let error): return error.response
        }
        var contentType: String?
        if let raw = query["type"] {
            let type = raw.trimmingPythonWhitespace().lowercased()
            guard model.contentTypes.contains(type) else {
                return .error(400, "no item has content type '\(raw)'",
                              [("known_types", .array(model.contentTypes.sorted(by: codePointLess).map(JSONValue.string)))])
            }
            contentType = type
        }
        return .json(model.api.popular(limit: k, contentType: contentType))
    }

    /// `/recommendations?user_id=&k=`: `api/recommendations/<user_id>.json` for any k.
    static func recommendations(_ query: QueryParameters, _ model: ServedModel) -> ServerResponse {
        let u: Int, k: Int
        switch (user(query, model), parseK(query, default: model.defaultK)) {
        case (.failure(let error), _), (_, .failure(let error)): return error.response
        case (.success(let user), .success(let count)): (u, k) = (user, count)
        }
        return .json(model.api.recommendations(user: u, k: k, explainer: model.explainer))
    }

    /// `/user_history?user_id=`: `api/user_history/<user_id>.json`.
    static func userHistory(_ query: QueryParameters, _ model: ServedModel) -> ServerResponse {
        switch user(query, model) {
        case .failure(let error): return error.response
        case .success(let u): return .json(model.api.userHistory(user: u))
        }
    }

    /// `/explain?user_id=&item_id=`: the score breakdown (`recsite explain`'s table as JSON).
    static func explain(_ query: QueryParameters, _ model: ServedModel) -> ServerResponse {
        let u: Int
        switch user(query, model) {
        case .failure(let error): return error.response
        case .success(let user): u = user
        }
        guard let id = query["item_id"], !id.isEmpty else { return .error(400, "missing parameter item_id") }
        guard let j = model.model.item(id) else {
            return .error(404, "unknown item '\(id)'", [("item_id", .string(id)),
                                                         ("suggestions", suggestions(id, model.model.dataset.items.map(\.id)))])
        }
        return .json(model.api.scoreBreakdown(user: u, item: j))
    }

    struct RequestError: Error {
        let response: ServerResponse
    }

    private static func user(_ query: QueryParameters, _ model: ServedModel) -> Result<Int, RequestError> {
        guard let id = query["user_id"], !id.isEmpty else {
            return .failure(RequestError(response: .error(400, "missing parameter user_id")))
        }
        guard let u = model.model.user(id) else {
            return .failure(RequestError(response: .error(404, "unknown user '\(id)'", [
                ("user_id", .string(id)), ("suggestions", suggestions(id, model.model.dataset.users.map(\.id))),
            ])))
        }
        return .success(u)
    }

    /// `k`: absent → `fallback`; otherwise a decimal integer in 1…`ServedModel.maxK`.
    static func parseK(_ query: QueryParameters, default fallback: Int) -> Result<Int, RequestError> {
        guard let raw = query["k"] else { return .success(min(fallback, ServedModel.maxK)) }
        guard let k = Int(raw), raw.allSatisfy(\.isASCII), (1...ServedModel.maxK).contains(k) else {
            return .failure(RequestError(response: .error(
                400, "k must be an integer from 1 to \(ServedModel.maxK)", [("k", .string(raw))])))
        }
        return .success(k)
    }

    /// The closest known IDs, as the CLI suggests them; none for a long
    /// query, whose edit distances to every ID would cost a request too much.
    private static func suggestions(_ id: String, _ ids: [String]) -> JSONValue {
        guard id.unicodeScalars.count <= 64 else { return .array([]) }
        return .array(IDSuggestions.closest(to: id, among: ids).map(JSONValue.string))
    }
}
