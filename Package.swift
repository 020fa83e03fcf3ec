// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "recsite",
    // macOS 14: Hummingbird 2's server API needs it.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "recsite", targets: ["recsite"]),
        .executable(name: "recsite-serve", targets: ["recsite-serve"]),
        .library(name: "RecEngine", targets: ["RecEngine"]),
        .library(name: "RecSite", targets: ["RecSite"]),
        .library(name: "RecServer", targets: ["RecServer"]),
        .library(name: "RecPostgres", targets: ["RecPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The recommend step's inner loop at 10 000 items (ColumnTileScorer),
        // built for AVX-512, AVX2 and baseline x86-64 and picked at load time.
        .target(name: "CTileKernel"),
        // jemalloc's options for the recsite tool: transparent huge pages.
        .target(name: "CMallocOptions"),
        .target(name: "RecEngine", dependencies: ["CTileKernel"]),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "RecSite",
            dependencies: [
                "RecEngine",
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `--data postgresql://…` (docs/scale.md): a row source over
        // postgres-nio, in a library of its own so RecEngine and RecSite
        // stay free of NIO.
        .target(
            name: "RecPostgres",
            dependencies: [
                "RecEngine",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "recsite",
            dependencies: [
                "CMallocOptions",
                "RecEngine",
                "RecSite",
                "RecPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) replaces glibc's malloc in the
            // tool: building a site allocates and frees millions of page-sized
            // buffers, and glibc's malloc cost up to a quarter of the HTML and
            // data steps (docs/build.md). It changes speed only, never output.
            // CMallocOptions sets its options: huge pages (docs/architecture.md).
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        // The HTTP server (docs/serving.md) lives in its own library and binary
        // so that the plain `recsite` CLI does not link Hummingbird (it links
        // NIO only through RecPostgres, for database input);
        // `recsite serve` execs `recsite-serve` from the same folder.
        .target(
            name: "RecServer",
            dependencies: [
                "RecEngine",
                "RecSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "recsite-serve",
            dependencies: [
                "RecServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        .testTarget(name: "RecEngineTests", dependencies: ["RecEngine", "CTileKernel"]),
        // swift-mustache is the reference the template renderer is tested against.
        .testTarget(name: "RecSiteTests", dependencies: [
            "RecSite", "RecEngine", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The server tests run it on a free loopback port and talk to it over
        // plain sockets (no HummingbirdTesting: it would build an HTTP client
        // and TLS the server never uses).
        .testTarget(name: "RecServerTests", dependencies: ["RecServer", "RecEngine", "RecSite", "recsite-serve"]),
        // The PostgreSQL tests (Tests/recsiteTests/Postgres) load tables
        // into a real server (scripts/postgres-test-server.sh) with PostgresNIO.
        .testTarget(name: "recsiteTests", dependencies: [
            "recsite", "RecEngine", "RecSite", "RecPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
    ]
)
