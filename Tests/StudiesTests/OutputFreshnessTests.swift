import Foundation
import Output
import Testing
@testable import Studies

/// The committed `outputs/<card>/` are what the current code computes: the fast cards are
/// regenerated into a temporary directory and every table and plot data file (`*.csv`,
/// `table.md`; not `result.json`, which carries the date and commit) must match byte for byte.
/// When this fails after an intended change, regenerate with `make run` (smoke:
/// `nue run macros/smoke.yaml`) and commit outputs/.
@Suite struct OutputFreshnessTests {
    static let fastCards = ["smoke", "isodar-sensitivity"]

    @Test(arguments: fastCards)
    func committedOutputsAreFresh(card name: String) throws {
        let loaded = try RunCard.load(path: TestSupport.path("macros/\(name).yaml"))
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fresh = OutputDirectory(path: (root as NSString).appendingPathComponent(name))
        let outcome = try StudyRunner(card: loaded, options: .init(threads: 2)).run(into: fresh)
        #expect(outcome.failures == 0)
        let committed = TestSupport.path("outputs/\(name)")
        func compared(_ directory: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".csv") || $0 == "table.md" }.sorted()
        }
        let names = try compared(fresh.path)
        #expect(try compared(committed) == names, "outputs/\(name) has other files than a fresh run; regenerate with make run")
        for file in names {
            let a = FileManager.default.contents(atPath: fresh.file(file))
            let b = FileManager.default.contents(atPath: (committed as NSString).appendingPathComponent(file))
            #expect(a != nil && a == b, "outputs/\(name)/\(file) is stale; regenerate with make run (smoke: nue run macros/smoke.yaml)")
        }
    }
}
