import Foundation

/// The package's files and scratch space for tests.
public enum TestPaths {
    /// The package root (three levels above this file).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// A path below the package root.
    public static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

    /// A fresh empty directory under the system temporary directory.
    public static func temporaryDirectory(prefix: String = "nue-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The built `nue` next to the test bundle (SwiftPM builds both into the same directory),
    /// else `.build/debug/nue`.
    public static let nueExecutable: URL = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: arg0).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("nue"))
                dir = dir.deletingLastPathComponent()
            }
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/nue"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath } ?? candidates.last!
    }()
}
