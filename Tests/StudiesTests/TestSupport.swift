import Foundation

/// Paths, temporary directories and subprocesses for the Studies tests.
enum TestSupport {
    /// The package root (three levels above this file).
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { (repoRoot as NSString).appendingPathComponent(relative) }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("nue-studies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `/usr/bin/env args…` and collects its output; nil if it cannot start.
    static func run(_ args: [String], in directory: String? = nil) -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = args
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return nil }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Cached import checks (each python3 start costs seconds).
    static let hasMatplotlib = pythonCanImport("matplotlib")
    static let hasPyhf = pythonCanImport("pyhf")

    /// Whether `python3 -c "import <module>"` succeeds; prints the reason when not.
    static func pythonCanImport(_ module: String) -> Bool {
        guard let result = run(["python3", "-c", "import \(module)"]) else {
            print("skipping: python3 cannot be started")
            return false
        }
        if result.status != 0 {
            print("skipping: python3 cannot import \(module): \(result.stderr.split(separator: "\n").last ?? "")")
            return false
        }
        return true
    }
}
