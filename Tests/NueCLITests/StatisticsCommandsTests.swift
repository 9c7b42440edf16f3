import Foundation
import Testing

/// End-to-end checks of `nue sensitivity`, `toys`, `merge`, `coverage` through the built binary.
@Suite struct StatisticsCommandsTests {
    static func nue(_ arguments: [String]) throws -> CLIResult { try CLIRunner.run(arguments) }

    static let scenario = ["--detector", "kamland", "--threshold", "3", "--events", "3000"]

    @Test func sensitivityJSON() throws {
        let result = try Self.nue(["sensitivity"] + Self.scenario + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        for key in ["model", "parameter", "limit", "cl", "detector", "threshold_mev", "events", "limit_squared", "statistic", "band68", "band95"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let limit = try #require(json["limit"] as? Double)
        let squared = try #require(json["limit_squared"] as? Double)
        #expect(abs(limit * limit / squared - 1) < 1e-12)
        #expect(json["parameter"] as? String == "mu_nu")
        let band = try #require(json["band68"] as? [Double])
        #expect(band[0] < limit && limit < band[1])
    }

    /// `--band-toys` adds the labelled test-statistic band (CLs+b ≤ CLs edge by edge, since
    /// p_b ≤ 1; the CLs+b −2σ edge is 0, below the grid), identical for 1 and 2 threads;
    /// without it only `band_convention` labels the per-toy-limit band; a shard refuses it.
    @Test func toysReportBothBandConventions() throws {
        let toys = ["toys"] + Self.scenario + ["--bin-width", "0.5", "--toys", "100", "--band-toys", "100", "--seed", "3", "--quiet", "--json"]
        let two = try Self.nue(toys + ["--threads", "2"])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try Self.nue(toys + ["--threads", "1"]).stdout == two.stdout)
        let json = try two.json()
        #expect(json["band_convention"] as? String == "limit_quantiles")
        let band = try #require(json["test_statistic_band"] as? [String: Any])
        #expect(band["convention"] as? String == "test_statistic_quantiles")
        #expect(band["toys_per_hypothesis"] as? Int == 100 && band["grid_points"] as? Int == 22)
        let clsb = try #require(band["band95"] as? [Double]), cls = try #require(band["cls_band95"] as? [Double])
        let clsb68 = try #require(band["band68"] as? [Double]), cls68 = try #require(band["cls_band68"] as? [Double])
        #expect(clsb[0] == 0)
        #expect(zip(clsb + clsb68, cls + cls68).allSatisfy { $0 <= $1 * (1 + 1e-12) })
        let plain = try Self.nue(["toys"] + Self.scenario + ["--bin-width", "0.5", "--toys", "20", "--seed", "3", "--quiet", "--json"]).json()
        #expect(plain["band_convention"] as? String == "limit_quantiles" && plain["test_statistic_band"] == nil)
        let sharded = try Self.nue(["toys"] + Self.scenario + ["--toys", "20", "--band-toys", "20", "--shard", "0/2"])
        #expect(sharded.status == 64)
    }

    /// Three shards merged equal the unsharded file byte for byte; 1 and 2 threads agree.
    @Test func shardsMergeToTheUnshardedRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nue-cli-toys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let toys = ["toys"] + Self.scenario + ["--toys", "150", "--seed", "77", "--quiet"]
        let whole = try Self.nue(toys + ["--threads", "2", "--output", dir.appendingPathComponent("all.json").path, "--json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let oneThread = try Self.nue(toys + ["--threads", "1", "--json"])
        #expect(oneThread.stdout == whole.stdout)
        var shards: [String] = []
        for k in 0..<3 {
            let path = dir.appendingPathComponent("shard-\(k).json").path
            let r = try Self.nue(toys + ["--shard", "\(k)/3", "--output", path, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(path)
        }
        let merged = try Self.nue(["merge"] + shards + ["--output", dir.appendingPathComponent("merged.json").path, "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        let a = try Data(contentsOf: dir.appendingPathComponent("all.json"))
        let b = try Data(contentsOf: dir.appendingPathComponent("merged.json"))
        #expect(a == b)
        let json = try whole.json()
        for key in ["asimov", "median", "band68", "band95", "toys", "failed_fits", "seed"] { #expect(json[key] != nil, "missing \(key)") }
        #expect(json["toys"] as? Int == 150)
    }

    @Test func coverageJSON() throws {
        let result = try Self.nue(["coverage"] + Self.scenario + ["--true", "5e-11", "--toys", "200", "--method", "fc", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        for key in ["method", "true_value", "coverage", "coverage_error", "toys"] { #expect(json[key] != nil, "missing \(key)") }
        let coverage = try #require(json["coverage"] as? Double)
        #expect(coverage > 0.8 && coverage <= 1)
    }

    @Test(arguments: [
        (["toys", "--events", "3000", "--toys", "10", "--seed", "1", "--shard", "3/2"], "K/N"),
        (["toys", "--events", "3000", "--toys", "0", "--seed", "1"], "--toys"),
        (["merge", "/nonexistent/shard.json"], "/nonexistent/shard.json"),
        (["coverage", "--events", "3000", "--true", "-1", "--toys", "10", "--method", "fc"], "--true"),
    ])
    func badInputFailsWithAMessage(arguments: [String], mentions: String) throws {
        let result = try Self.nue(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(mentions), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
