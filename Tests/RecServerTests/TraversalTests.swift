import Foundation
import RecServer
import Testing

/// Nothing a client sends reads a file outside the site folder: the
/// fixture puts `secret.txt` beside the site, and symlinks to it (and to
/// the folder holding it) inside the site.
@Suite struct TraversalTests {
    static var attempts: [String] {
        let scratch = (try? ServerFixture.scratch.get()) ?? "/tmp"
        return [
            "/../secret.txt", "/site/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
            "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
            "/..%5csecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/index.html%00/../../secret.txt",
            "/%00", "/" + scratch + "/secret.txt", "//" + scratch + "/secret.txt", scratch + "/secret.txt",
            "http://127.0.0.1/../secret.txt", "/leak.txt", "/leak-absolute.txt", "/outside/secret.txt",
            "/outside/", "/outside", "/./../secret.txt", "/users/../../secret.txt", "/%c0%ae%c0%ae/secret.txt",
            "/..%c0%afsecret.txt", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../../../../../../etc/passwd",
            "/.nojekyll",
        ]
    }

    @Test func everyAttemptIsRefusedWithoutTheSecret() async throws {
        let secret = ServerFixture.secret
        try await ServerFixture.withServer { port, _ in
            for target in Self.attempts {
                let response = try await RawHTTP.get(port: port, target)
                #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
                #expect(!response.text.contains(secret), "\(target) leaked the secret")
                #expect(!response.text.contains("root:"), "\(target) leaked /etc/passwd")
            }
        }
    }

    @Test func theSiteItselfIsServedWithItsContentTypes() async throws {
        let site = try ServerFixture.site
        let expected: [(target: String, file: String, type: String)] = [
            ("/", "index.html", "text/html; charset=utf-8"),
            ("/index.md", "index.md", "text/markdown; charset=utf-8"),
            ("/users/", "users/index.html", "text/html; charset=utf-8"),
            ("/api/health.json", "api/health.json", "application/json; charset=utf-8"),
            ("/csv/popular_movies_report.csv", "csv/popular_movies_report.csv", "text/csv; charset=utf-8"),
        ]
        try await ServerFixture.withServer { port, _ in
            for (target, file, type) in expected {
                let response = try await RawHTTP.get(port: port, target)
                #expect(response.status == 200, "\(target)")
                #expect(response.header("content-type") == type, "\(target)")
                #expect(response.body == [UInt8](try Data(contentsOf: URL(fileURLWithPath: site + "/" + file))), "\(target)")
            }
            let css = try #require(try FileManager.default.subpathsOfDirectory(atPath: site).first { $0.hasSuffix(".css") })
            #expect(try await RawHTTP.get(port: port, "/" + css).header("content-type") == "text/css; charset=utf-8")
            let svg = try #require(try FileManager.default.subpathsOfDirectory(atPath: site).first { $0.hasSuffix(".svg") })
            #expect(try await RawHTTP.get(port: port, "/" + svg).header("content-type") == "image/svg+xml; charset=utf-8")
            let folder = try await RawHTTP.get(port: port, "/users")
            #expect(folder.status == 301)
            #expect(folder.header("location") == "users/")
            // Relative, so `//users` cannot send the client to a host named users.
            let doubled = try await RawHTTP.get(port: port, "//users")
            #expect(doubled.header("location") == "users/")
        }
    }
}
