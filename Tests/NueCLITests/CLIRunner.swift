import Foundation
import NueTestSupport

typealias CLIResult = ProcessResult

/// Runs the built `nue` executable (or, with `program`, another one such as /usr/bin/env).
enum CLIRunner {
    static var executable: URL { TestPaths.nueExecutable }

    static func run(_ arguments: [String], currentDirectory: URL? = nil, program: URL? = nil) throws -> CLIResult {
        try ProcessRunner.run(program ?? TestPaths.nueExecutable, arguments, currentDirectory: currentDirectory)
    }
}
