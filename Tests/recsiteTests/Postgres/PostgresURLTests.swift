import RecEngine
import RecPostgres
import Testing

/// `--data postgresql://…`: parsing, defaults, and a description with no password.
@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test("every part, percent-decoded; the description drops password and parameters")
    func fullURL() throws {
        let url = try PostgresURL("postgresql://ana:p%40ss:w@db.example:6543/views?events=analytics.events"
                                  + "&users_query=SELECT * FROM people ORDER BY id&sslmode=require", environment: [:])
        #expect(url.user == "ana" && url.password == "p@ss:w")
        #expect(url.host == "db.example" && url.port == 6543 && url.database == "views")
        #expect(url.tls == .require)
        #expect(url.events.role == .events && url.events.source == .table("analytics.events"))
        #expect(url.users.role == .users && url.users.source == .query("SELECT * FROM people ORDER BY id"))
        #expect(url.items.role == .items && url.items.source == .table("items"))
        #expect(url.description == "postgresql://ana@db.example:6543/views")
        #expect(url.users.name == "users query" && url.events.name == "analytics.events")
        #expect(url.users.label == "users query" && url.events.label == "table analytics.events")
    }

    @Test("defaults: PGUSER and PGPASSWORD, localhost:5432, the user's database")
    func defaults() throws {
        let url = try PostgresURL("postgres://", environment: ["PGUSER": "etl", "PGPASSWORD": "from-env"])
        #expect(url.user == "etl" && url.password == "from-env")
        #expect(url.host == "localhost" && url.port == 5432 && url.database == "etl" && url.tls == .disable)
        #expect(url.description == "postgresql://etl@localhost:5432/etl")
        let bare = try PostgresURL("postgresql://[::1]:7000/db", environment: [:])
        #expect(bare.user == "postgres" && bare.password == nil && bare.host == "::1" && bare.port == 7000)
        #expect(bare.description == "postgresql://postgres@[::1]:7000/db")
    }

    @Test("mistakes are one line naming the URL without its password", arguments: [
        ("postgresql://u:secret@h:99999/db", "postgresql://u@h:99999/db: the port must be a number from 1 to 65535"),
        ("postgresql://u:secret@h/db?event=x", "postgresql://u@h:5432/db: unknown parameter 'event' "
            + "(known: users, items, events, users_query, items_query, events_query, sslmode)"),
        ("postgresql://u:secret@h/db?events=a&events_query=SELECT 1",
         "postgresql://u@h:5432/db: give events= or events_query=, not both"),
        ("postgresql://u:secret@h/db?sslmode=verify-full", "postgresql://u@h:5432/db: sslmode must be disable or require"),
        ("postgresql://u:secret@h/db?users=", "postgresql://u@h:5432/db: users= names no table"),
    ])
    func mistakes(text: String, message: String) {
        #expect(throws: PostgresInputError.self) { try PostgresURL(text, environment: [:]) }
        do { _ = try PostgresURL(text, environment: [:]) } catch {
            #expect("\(error)" == message)
            #expect(!"\(error)".contains("secret"))
        }
    }

    @Test("--data opens a database for a postgresql:// URL and a folder otherwise")
    func stores() throws {
        #expect(try DataStores.open("data") is CSVFolder)
        #expect(try DataStores.open("data").folder == "data")
        let database = try DataStores.open("postgresql://u:secret@h/db")
        #expect(database is PostgresStore && database.folder == nil)
        #expect(database.description == "postgresql://u@h:5432/db")
    }
}
