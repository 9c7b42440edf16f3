// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nue",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nue", targets: ["nue"]),
        .library(name: "NueKit", targets: ["GSL", "Physics", "Simulation", "Statistics", "Studies"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .target(name: "GSL", dependencies: ["CGSL"]),
        .target(name: "Physics", dependencies: ["GSL"]),
        .target(name: "Simulation", dependencies: ["GSL", "Physics"]),
        .target(name: "Statistics", dependencies: ["GSL"]),
        .target(name: "Studies", dependencies: ["GSL", "Physics", "Simulation", "Statistics", "Yams"]),
        // Throughput measurements (`nue bench`), kept out of the library modules.
        .target(name: "Benchmarks", dependencies: ["GSL", "Physics", "Simulation", "Statistics"]),
        .executableTarget(
            name: "nue",
            dependencies: [
                "GSL", "Physics", "Simulation", "Statistics", "Studies", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Shared test support: approximate equality, the process/CLI runner, paths, Python checks.
        .target(name: "NueTestSupport", path: "Tests/NueTestSupport"),
        .testTarget(name: "GSLTests", dependencies: ["NueTestSupport", "GSL", "CGSL"]),
        .testTarget(name: "PhysicsTests", dependencies: ["NueTestSupport", "Physics", "GSL", "Benchmarks"]),
        .testTarget(name: "SimulationTests", dependencies: ["NueTestSupport", "Simulation", "Physics", "GSL"]),
        .testTarget(name: "StatisticsTests", dependencies: ["NueTestSupport", "Statistics", "GSL"]),
        .testTarget(name: "StudiesTests", dependencies: ["NueTestSupport", "Studies", "Simulation", "Statistics", "Physics", "GSL"]),
        .testTarget(name: "NueCLITests", dependencies: ["NueTestSupport", "nue"]),
    ]
)
