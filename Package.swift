// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nue",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nue", targets: ["nue"]),
        .library(name: "NueKit", targets: ["GSL", "Output", "Parallel", "Physics", "Simulation", "Statistics", "Studies"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .target(name: "GSL", dependencies: ["CGSL"]),
        .target(name: "Output"),
        // The one parallel-map helper (workers, forEach, map in index order).
        .target(name: "Parallel"),
        .target(name: "Physics", dependencies: ["GSL"]),
        // The exact background sampler's inner loop and wedge tests in C, with AVX2 where the processor has it.
        .target(name: "CKernels", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Simulation", dependencies: ["CKernels", "GSL", "Output", "Parallel", "Physics"]),
        .target(name: "Statistics", dependencies: ["GSL", "Output", "Parallel"]),
        .target(name: "Studies", dependencies: ["GSL", "Output", "Parallel", "Physics", "Simulation", "Statistics", "Yams"]),
        // Throughput measurements (`nue bench`), kept out of the library modules.
        .target(name: "Benchmarks", dependencies: ["GSL", "Parallel", "Physics", "Simulation", "Statistics", "Studies"]),
        .executableTarget(
            name: "nue",
            dependencies: [
                "GSL", "Output", "Physics", "Simulation", "Statistics", "Studies", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Shared test support: approximate equality, the process/CLI runner, paths, Python checks.
        .target(name: "NueTestSupport", path: "Tests/NueTestSupport"),
        .testTarget(name: "GSLTests", dependencies: ["NueTestSupport", "GSL", "CGSL"]),
        .testTarget(name: "OutputTests", dependencies: ["NueTestSupport", "Output", "Parallel"]),
        .testTarget(name: "PhysicsTests", dependencies: ["NueTestSupport", "Physics", "GSL", "Benchmarks"]),
        .testTarget(name: "SimulationTests", dependencies: ["NueTestSupport", "Simulation", "Output", "Physics", "GSL"]),
        .testTarget(name: "StatisticsTests", dependencies: ["NueTestSupport", "Statistics", "Output", "GSL"]),
        .testTarget(name: "StudiesTests", dependencies: ["NueTestSupport", "Studies", "Output", "Simulation", "Statistics", "Physics", "GSL"]),
        .testTarget(name: "NueCLITests", dependencies: ["NueTestSupport", "nue"]),
    ]
)
