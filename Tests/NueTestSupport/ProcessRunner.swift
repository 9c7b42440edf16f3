import Foundation

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// stdout parsed as one JSON object.
    public func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}

/// Runs executables and collects their output: the view a script has of `nue` and of the
/// Python cross-checks.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` (stdout and stderr read concurrently, so large output
    /// cannot block the child).
    public static func run(_ executable: URL, _ arguments: [String], currentDirectory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorData = DataBox()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errorData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Runs a program found on PATH (`/usr/bin/env NAME args…`); nil when it cannot start.
    public static func runOnPath(_ arguments: [String], currentDirectory: URL? = nil) -> ProcessResult? {
        try? run(URL(fileURLWithPath: "/usr/bin/env"), arguments, currentDirectory: currentDirectory)
    }

    /// Written by the reader before `reading.wait()` returns, read after.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
