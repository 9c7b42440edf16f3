// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nue",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nue", targets: ["nue"]),
        .library(name: "NueKit", targets: ["GSL", "Output", "Physics", "Simulation", "Statistics", "Studies"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .target(name: "GSL", dependencies: ["CGSL"]),
        .target(name: "Output"),
        .target(name: "Physics", dependencies: ["GSL"]),
        .target(name: "Simulation", dependencies: ["GSL", "Output", "Physics"]),
        .target(name: "Statistics", dependencies: ["GSL", "Output"]),
        .target(name: "Studies", dependencies: ["GSL", "Output", "Physics", "Simulation", "Statistics", "Yams"]),
        .executableTarget(
            name: "nue",
            dependencies: [
                "GSL", "Output", "Physics", "Simulation", "Statistics", "Studies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "GSLTests", dependencies: ["GSL", "CGSL"]),
        .testTarget(name: "OutputTests", dependencies: ["Output"]),
        .testTarget(name: "PhysicsTests", dependencies: ["Physics", "GSL"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Output", "Physics", "GSL"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "Output", "GSL"]),
        .testTarget(name: "StudiesTests", dependencies: ["Studies", "Output", "Simulation", "Statistics", "Physics", "GSL"]),
        .testTarget(name: "NueCLITests", dependencies: ["nue"]),
    ]
)
