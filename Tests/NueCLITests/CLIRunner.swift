import Foundation

/// Runs the built `nue` executable and captures its output: the end-to-end view a script has.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// stdout parsed as one JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}

enum CLIRunner {
    /// The `nue` binary next to the test bundle (SwiftPM builds both into the same directory).
    static let executable: URL = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: arg0).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("nue"))
                dir = dir.deletingLastPathComponent()
            }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/nue"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath } ?? candidates.last!
    }()

    /// Runs `nue` (or, with `program`, another executable such as /usr/bin/env) with `arguments`.
    static func run(_ arguments: [String], currentDirectory: URL? = nil, program: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
