import Foundation
import NueTestSupport

/// `nue run` of a one-row Asimov card (KamLAND > 3 MeV, 3 000 events, magnetic moment) with extra
/// top-level `lines`: its exit status, stderr, the row's limit from `result.json` and `table.csv`.
enum OneRowCard {
    struct Outcome {
        let status: Int32
        let stderr: String
        let limit: Double?
        let csv: String
    }

    static func run(title: String, _ lines: String) throws -> Outcome {
        let out = try TestPaths.temporaryDirectory(prefix: "nue-cli")
        defer { try? FileManager.default.removeItem(at: out) }
        let card = out.appendingPathComponent("one.yaml")
        try """
            format: nue-card/1
            title: \(title)
            analyses: [asimov]
            \(lines)
            scenarios: [{name: KamLAND, detector: kamland, threshold_mev: 3, events: 3000}]
            models: [{model: magnetic-moment}]
            """.write(to: card, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["run", card.path, "--out", out.appendingPathComponent("o").path, "--quiet"])
        guard run.status == 0 else { return Outcome(status: run.status, stderr: run.stderr, limit: nil, csv: "") }
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("o/result.json"))) as? [String: Any]
        let details = (document?["results"] as? [String: Any])?["details"] as? [String: Any]
        let limit = (details?["asimov"] as? [[String: Any]])?.first?["limit"] as? Double
        let csv = try String(contentsOf: out.appendingPathComponent("o/table.csv"), encoding: .utf8)
        return Outcome(status: run.status, stderr: run.stderr, limit: limit, csv: csv)
    }
}
