// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "recsite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recsite", targets: ["recsite"]),
        .library(name: "RecEngine", targets: ["RecEngine"]),
        .library(name: "RecSite", targets: ["RecSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "RecEngine"),
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
        .executableTarget(
            name: "recsite",
            dependencies: [
                "RecEngine",
                "RecSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) replaces glibc's malloc in the
            // tool: building a site allocates and frees millions of page-sized
            // buffers, and glibc's malloc cost up to a quarter of the HTML and
            // data steps (docs/build.md). It changes speed only, never output.
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        .testTarget(name: "RecEngineTests", dependencies: ["RecEngine"]),
        // swift-mustache is the reference the template renderer is tested against.
        .testTarget(name: "RecSiteTests", dependencies: [
            "RecSite", "RecEngine", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "recsiteTests", dependencies: ["recsite", "RecEngine", "RecSite"]),
    ]
)
