import Foundation

/// Which Python modules the cross-checks can import (each python3 start costs a second or
/// more, so the answers are cached).
public enum PythonModules {
    /// Whether `python3 -c "import <module>"` succeeds; prints the reason when not.
    public static func canImport(_ module: String) -> Bool {
        guard let result = ProcessRunner.runOnPath(["python3", "-c", "import \(module)"]) else {
            print("python3 cannot be started")
            return false
        }
        if result.status != 0 {
            print("python3 cannot import \(module): \(result.stderr.split(separator: "\n").last ?? "")")
            return false
        }
        return true
    }

    public static let hasMatplotlib = canImport("matplotlib")
    public static let hasPyhf = canImport("pyhf")
}
