import Foundation

/// Which Python modules the cross-checks can import (each python3 start costs a second or
/// more, so the answers are cached). `make test` puts the project's virtual environment
/// (`.venv`, with pinned pyhf, pyhepmc, matplotlib, mplhep) first on PATH.
///
/// A cross-check that skips in CI is not a cross-check: under `CI=true` (or
/// `NUE_REQUIRE_CROSSCHECKS=1`) `available(_:)` is true whatever python3 can import, so the
/// test runs and fails on the missing module instead of being skipped.
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

    /// Cross-checks must run (CI, or asked for): a missing module fails instead of skipping.
    public static let crossChecksRequired: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return environment["CI"] == "true" || environment["NUE_REQUIRE_CROSSCHECKS"] == "1"
    }()

    /// Whether a test needing `module` runs: the module imports, or cross-checks are required.
    public static func available(_ module: String) -> Bool { crossChecksRequired || canImport(module) }

    public static let hasMatplotlib = available("matplotlib") && available("mplhep")
    public static let hasPyhf = available("pyhf")
    public static let hasPyhepmc = available("pyhepmc")
}
