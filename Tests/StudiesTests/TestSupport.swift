import Foundation
import NueTestSupport

/// The Studies tests' names for the shared test support (`NueTestSupport`).
enum TestSupport {
    static var repoRoot: String { TestPaths.repositoryRoot.path }

    static func path(_ relative: String) -> String { TestPaths.path(relative) }

    static func temporaryDirectory() throws -> String { try TestPaths.temporaryDirectory(prefix: "nue-studies").path }

    /// Runs `/usr/bin/env args…`; nil if it cannot start.
    static func run(_ args: [String], in directory: String? = nil) -> ProcessResult? {
        ProcessRunner.runOnPath(args, currentDirectory: directory.map { URL(fileURLWithPath: $0) })
    }

    static var hasMatplotlib: Bool { PythonModules.hasMatplotlib }
    static var hasPyhf: Bool { PythonModules.hasPyhf }
    static var hasPyhepmc: Bool { PythonModules.hasPyhepmc }
}
