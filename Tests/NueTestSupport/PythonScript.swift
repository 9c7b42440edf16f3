import Foundation

/// Runs a repository script (`scripts/…`) with python3 from PATH on a JSON input written to a
/// temporary file, and returns the JSON object it prints (the pattern of the Python cross-checks).
public enum PythonScript {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `python3 <repo>/<script> <input.json>`; throws when python3 cannot start or the script fails.
    public static func json(_ script: String, input: [String: Any]) throws -> [String: Any] {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("input.json").path
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: path))
        guard let result = ProcessRunner.runOnPath(["python3", TestPaths.path(script), path]) else {
            throw Failure(description: "python3 cannot be started")
        }
        guard result.status == 0 else { throw Failure(description: "\(script) failed: \(result.stderr)") }
        return try result.json()
    }
}
