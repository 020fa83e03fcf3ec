import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A language model behind an HTTP API: Gemini's `generateContent`, or any
/// OpenAI-compatible `chat/completions` server (a local one included). One
/// call is one prompt; a 429 or 5xx reply is retried with exponential
/// backoff, a timeout or any other failure is not.
public struct ExplanationProvider: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case gemini, openai

        public var defaultModel: String { self == .gemini ? "gemini-2.5-flash" : "gpt-4o-mini" }
        public var defaultBaseURL: String {
            self == .gemini ? "https://generativelanguage.googleapis.com/v1beta" : "https://api.openai.com/v1"
        }
        /// The environment variable (or `.env` line) holding the key.
        public var keyVariable: String { self == .gemini ? "GOOGLE_API_KEY" : "OPENAI_API_KEY" }
    }

    public struct Settings: Sendable {
        public var kind: Kind
        public var model: String
        public var baseURL: String
        /// Never printed, logged or written; `nil` sends no key (a local server).
        public var apiKey: String?
        /// Seconds per request.
        public var timeout: Double = 30
        /// Further attempts after a 429 or 5xx.
        public var retries = 3
        /// The first retry's delay in seconds; each next one doubles (at most 30 s).
        public var backoff: Double = 1
        public var maxOutputTokens = 160

        public init(kind: Kind, model: String? = nil, baseURL: String? = nil, apiKey: String? = nil) {
            self.kind = kind
            self.model = model ?? kind.defaultModel
            self.baseURL = baseURL ?? kind.defaultBaseURL
            self.apiKey = apiKey
        }
    }

    /// A reply's text and the tokens it cost (the server's count, or an estimate).
    public struct Reply: Sendable {
        public let text: String
        public let tokens: Int
        /// HTTP requests made, retries included.
        public let requests: Int
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
        public let requests: Int
    }

    public let settings: Settings
    private let session: URLSession

    public init(settings: Settings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.timeout
        configuration.timeoutIntervalForResource = settings.timeout
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// The model's reply to `prompt`; `requests` is called before every HTTP
    /// request and may refuse it (the run's cap).
    public func complete(_ prompt: String, mayRequest: @Sendable () async -> Bool) async -> Result<Reply, Failure> {
        let request: URLRequest
        do { request = try makeRequest(prompt) } catch { return .failure(Failure(description: "\(error)", requests: 0)) }
        var attempt = 0
        while true {
            guard await mayRequest() else {
                return .failure(Failure(description: "request cap reached", requests: attempt))
            }
            attempt += 1
            let (data, response, error) = await send(request)
            if let error {
                let timedOut = (error as? URLError)?.code == .timedOut
                return .failure(Failure(description: timedOut ? "timed out after \(NumberFormat.fixed(settings.timeout, 1)) s"
                                                              : "request failed (\(Self.describe(error)))", requests: attempt))
            }
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if status == 429 || (500...599).contains(status) {
                guard attempt <= settings.retries else {
                    return .failure(Failure(description: "HTTP \(status) after \(attempt) attempts", requests: attempt))
                }
                let retryAfter = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init)
                let delay = min(30, max(retryAfter ?? 0, settings.backoff * pow(2, Double(attempt - 1))))
                try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
                continue
            }
            guard (200...299).contains(status) else {
                return .failure(Failure(description: "HTTP \(status)", requests: attempt))
            }
            guard let data, let (text, tokens) = parse(data) else {
                return .failure(Failure(description: "malformed reply (no text where the API puts it)", requests: attempt))
            }
            return .success(Reply(text: text, tokens: tokens ?? (prompt.utf8.count + text.utf8.count) / 4, requests: attempt))
        }
    }

    private func makeRequest(_ prompt: String) throws -> URLRequest {
        let base = settings.baseURL.hasSuffix("/") ? String(settings.baseURL.dropLast()) : settings.baseURL
        let path: String, body: [String: Any]
        switch settings.kind {
        case .gemini:
            path = base + "/models/" + settings.model + ":generateContent"
            var generation: [String: Any] = ["temperature": 0, "maxOutputTokens": settings.maxOutputTokens]
            if settings.model.hasPrefix("gemini-2.5-flash") { generation["thinkingConfig"] = ["thinkingBudget": 0] }
            body = ["contents": [["role": "user", "parts": [["text": prompt]]]],
                    "systemInstruction": ["parts": [["text": ExplanationPrompt.system]]],
                    "generationConfig": generation]
        case .openai:
            path = base + "/chat/completions"
            body = ["model": settings.model, "temperature": 0, "max_tokens": settings.maxOutputTokens,
                    "messages": [["role": "system", "content": ExplanationPrompt.system], ["role": "user", "content": prompt]]]
        }
        guard let url = URL(string: path) else { throw Failure(description: "not a URL: \(path)", requests: 0) }
        var request = URLRequest(url: url, timeoutInterval: settings.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = settings.apiKey {
            // In a header, never in the URL, so no error message or log line can carry it.
            switch settings.kind {
            case .gemini: request.setValue(key, forHTTPHeaderField: "x-goog-api-key")
            case .openai: request.setValue("Bearer " + key, forHTTPHeaderField: "Authorization")
            }
        }
        request.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return request
    }

    /// The reply's text and token count, from either API's shape.
    private func parse(_ data: Data) -> (String, Int?)? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        switch settings.kind {
        case .gemini:
            guard let candidates = object["candidates"] as? [[String: Any]],
                  let content = candidates.first?["content"] as? [String: Any],
                  let parts = content["parts"] as? [[String: Any]] else { return nil }
            let text = parts.compactMap { $0["text"] as? String }.joined()
            let tokens = (object["usageMetadata"] as? [String: Any])?["totalTokenCount"] as? Int
            return text.isEmpty ? nil : (text, tokens)
        case .openai:
            guard let choices = object["choices"] as? [[String: Any]],
                  let message = choices.first?["message"] as? [String: Any],
                  let text = message["content"] as? String, !text.isEmpty else { return nil }
            return (text, (object["usage"] as? [String: Any])?["total_tokens"] as? Int)
        }
    }

    private func send(_ request: URLRequest) async -> (Data?, URLResponse?, Error?) {
        await withCheckedContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                continuation.resume(returning: (data, response, error))
            }.resume()
        }
    }

    /// An error's kind, without its URL or anything the server sent.
    private static func describe(_ error: Error) -> String {
        if let error = error as? URLError { return "URL error \(error.code.rawValue)" }
        return String(describing: type(of: error))
    }
}
