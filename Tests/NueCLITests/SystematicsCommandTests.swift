import Foundation
import Testing
import NueTestSupport

/// `--systematics` on the SCENARIO commands and `systematics:` in cards (README "Systematics").
@Suite struct SystematicsCommandTests {
    /// `nue sensitivity --systematics`: `none` is the default (the same limit to the last bit); the
    /// preset widens the limit, reports the limit without systematics (= the plain one) and one
    /// nuisance per parameter with a zero Asimov pull and a constraint in (0, 1]; a one-row card with
    /// the same systematics gives the same limit to the last bit.
    @Test func sensitivityWithSystematicsAndCardAgree() throws {
        let base = ["sensitivity", "--detector", "kamland", "--threshold", "3", "--events", "3000", "--json"]
        let plain = try CLIRunner.run(base), none = try CLIRunner.run(base + ["--systematics", "none"])
        let preset = try CLIRunner.run(base + ["--systematics", "energy-scale,efficiency=0.02"])
        #expect(plain.status == 0 && none.status == 0 && preset.status == 0, "\(preset.stderr)")
        let limit = try #require(try plain.json()["limit"] as? Double)
        #expect(try none.json()["limit"] as? Double == limit)
        let j = try preset.json()
        let withSystematics = try #require(j["limit"] as? Double)
        #expect(withSystematics > 1.01 * limit)
        #expect(j["limit_without_systematics"] as? Double == limit)
        #expect(j["systematics"] as? String == "energy-scale,efficiency=0.02")
        let nuisances = try #require(j["nuisances"] as? [[String: Any]])
        #expect(nuisances.map { $0["name"] as? String } == ["normalization", "energy-scale", "efficiency"])
        for n in nuisances {
            #expect(abs(n["pull"] as? Double ?? 1) < 1e-5)
            let c = n["constraint"] as? Double ?? 0
            #expect(c > 0 && c <= 1 + 1e-9)
            #expect((n["impact"] as? Double ?? -1) >= 0)
        }

        let card = try OneRowCard.run(title: "one row with systematics", "systematics: [energy-scale, efficiency=0.02]")
        #expect(card.status == 0, "\(card.stderr)")
        #expect(card.limit == withSystematics)
        let csv = card.csv
        #expect(csv.contains(",systematics,status\n") && csv.contains("\"energy-scale,efficiency=0.02\""))
    }

    /// `nue toys --systematics`: toys with the nuisances profiled; the same toys on 1 and 2 threads,
    /// no failed fit, the Asimov limit the one `nue sensitivity` prints, the median inside the
    /// asymptotic ±1σ band (30 toys: the median's spread is ≈ 0.2σ of the band).
    @Test func toysWithSystematics() throws {
        let base = ["--detector", "kamland", "--threshold", "3", "--events", "3000", "--systematics", "energy-scale", "--json"]
        let one = try CLIRunner.run(["toys", "--toys", "30", "--seed", "5", "--threads", "1", "--quiet"] + base)
        let two = try CLIRunner.run(["toys", "--toys", "30", "--seed", "5", "--threads", "2", "--quiet"] + base)
        let asimov = try CLIRunner.run(["sensitivity"] + base)
        #expect(one.status == 0 && two.status == 0 && asimov.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let j = try one.json()
        #expect(j["failed_fits"] as? Int == 0 && j["toys"] as? Int == 30)
        #expect(j["asimov"] as? Double == (try asimov.json()["limit"] as? Double))
        let median = try #require(j["median"] as? Double), band = try #require(j["asymptotic_band68"] as? [Double])
        #expect(median > band[0] && median < band[1], "median \(median), band \(band)")
    }

    /// `nue toys --systematics --output/--shard`: two shards on different thread counts merge into
    /// exactly the unsharded file, whose summary is the in-memory run's; a run cut after its 5th toy
    /// resumes to the same bytes; a resume with other systematics is refused, naming the label.
    @Test func toyFilesShardsAndResumeWithSystematics() throws {
        let dir = try TestPaths.temporaryDirectory(prefix: "nue-syst-toys")
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let base = ["toys", "--detector", "kamland", "--threshold", "3", "--events", "3000", "--systematics", "energy-scale",
                    "--toys", "12", "--seed", "9", "--quiet"]
        let whole = try CLIRunner.run(base + ["--threads", "2", "--output", path("all.jsonl"), "--json"])
        let memory = try CLIRunner.run(base + ["--json"])
        #expect(whole.status == 0 && memory.status == 0, "\(whole.stderr)")
        #expect(whole.stdout == memory.stdout)
        for (k, threads) in [(0, "1"), (1, "2")] {
            let shard = try CLIRunner.run(base + ["--shard", "\(k)/2", "--threads", threads, "--output", path("s\(k).jsonl")])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = try CLIRunner.run(["merge", path("s0.jsonl"), path("s1.jsonl"), "--output", path("merged.jsonl"), "--json"])
        #expect(merged.status == 0 && merged.stdout == whole.stdout, "\(merged.stderr)")
        let all = try Data(contentsOf: URL(fileURLWithPath: path("all.jsonl")))
        let mergedBytes = try Data(contentsOf: URL(fileURLWithPath: path("merged.jsonl")))
        #expect(mergedBytes == all)
        #expect(String(decoding: all, as: UTF8.self).split(separator: "\n").first?.contains("systematics=energy-scale") == true)
        let lines = all.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        try all.prefix(lines.prefix(6).reduce(0) { $0 + $1.count + 1 }).write(to: URL(fileURLWithPath: path("cut.jsonl")))
        let resumed = try CLIRunner.run(base + ["--output", path("cut.jsonl"), "--resume"])
        let resumedBytes = try Data(contentsOf: URL(fileURLWithPath: path("cut.jsonl")))
        #expect(resumed.status == 0 && resumedBytes == all, "\(resumed.stderr)")
        let other = try CLIRunner.run(base.map { $0 == "energy-scale" ? "efficiency" : $0 } + ["--output", path("cut.jsonl"), "--resume"])
        #expect(other.status == 1 && other.stderr.contains("systematics=efficiency"), "\(other.stderr)")
    }

    /// Full-chain toys with systematics: events generated at the nominal detector, fitted with the
    /// nuisance profiled; the same toys on 1 and 2 threads, no failed fit.
    @Test func fullChainToysWithSystematics() throws {
        let base = ["toys", "--detector", "kamland", "--threshold", "3", "--events", "3000", "--systematics", "energy-scale",
                    "--full-chain", "--toys", "6", "--seed", "4", "--quiet", "--json"]
        let one = try CLIRunner.run(base + ["--threads", "1"]), two = try CLIRunner.run(base + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0 && one.stdout == two.stdout, "\(one.stderr)")
        #expect(try one.json()["failed_fits"] as? Int == 0 && (try one.json()["toys"] as? Int) == 6)
    }

    /// `nue coverage --systematics`: Feldman–Cousins at the Asimov limit with the nuisances
    /// profiled; the same toys on 1 and 2 threads, no failed fit, coverage 0.90 within 0.12
    /// (3 binomial σ at 60 toys; `SystematicLikelihoodTests.coverage` checks it more tightly), the
    /// critical value near χ²₁'s 2.706 (its quantile error at 60 toys ≈ 0.75: within ±2.2).
    @Test func coverageWithSystematics() throws {
        let base = ["--detector", "kamland", "--threshold", "3", "--events", "3000", "--systematics", "energy-scale", "--json"]
        let asimov = try CLIRunner.run(["sensitivity"] + base)
        let limit = try #require(try asimov.json()["limit"] as? Double)
        let args = ["coverage", "--method", "fc", "--true", "\(limit)", "--toys", "60", "--critical-toys", "60", "--seed", "3", "--quiet"] + base
        let one = try CLIRunner.run(args + ["--threads", "1"]), two = try CLIRunner.run(args + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let j = try one.json()
        #expect(j["failed_fits"] as? Int == 0 && j["toys"] as? Int == 60)
        let coverage = try #require(j["coverage"] as? Double), critical = try #require(j["critical_value"] as? Double)
        #expect(abs(coverage - 0.9) < 0.12 && abs(critical - 2.706) < 2.2, "coverage \(coverage), critical value \(critical)")
    }

    /// Bad values are one line naming the option, the value and what is allowed; commands that do
    /// not profile systematics yet refuse them; a card runs only the analyses that do.
    @Test func refusals() throws {
        let unknown = try CLIRunner.run(["sensitivity", "--systematics", "energy"])
        #expect(unknown.status == 1 && unknown.stderr.contains("--systematics takes preset, none, or NAME[=SIGMA] from: energy-scale"),
                "\(unknown.stderr)")
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        let sigma = try CLIRunner.run(["sensitivity", "--systematics", "resolution=-1"])
        #expect(sigma.status == 1 && sigma.stderr.contains("the σ of resolution must be a number > 0, got '-1'"))
        let twice = try CLIRunner.run(["sensitivity", "--systematics", "efficiency,efficiency"])
        #expect(twice.status == 1 && twice.stderr.contains("efficiency is named twice"))
        let ideal = try CLIRunner.run(["sensitivity", "--detector", "ideal", "--systematics", "preset"])
        #expect(ideal.status == 1 && ideal.stderr.contains("has no systematics defaults"), "\(ideal.stderr)")
        let generate = try CLIRunner.run(["generate", "--format", "csv", "--count", "10", "--output", "/tmp/nue-never.csv", "--systematics", "preset", "--quiet"])
        #expect(generate.status == 1 && generate.stderr.contains("nue generate fits nothing, so it takes no systematics"), "\(generate.stderr)")
        let cls = try CLIRunner.run(["coverage", "--true", "3e-11", "--toys", "2", "--method", "asimov", "--limit", "cls", "--systematics", "preset", "--quiet"])
        #expect(cls.status == 1 && cls.stderr.contains("profiles systematics with CLs+b only"), "\(cls.stderr)")
        let toysCLs = try CLIRunner.run(["toys", "--toys", "2", "--systematics", "preset", "--limit", "cls", "--quiet"])
        #expect(toysCLs.status == 1 && toysCLs.stderr.contains("runs them with CLs+b only"), "\(toysCLs.stderr)")

        let out = try TestPaths.temporaryDirectory(prefix: "nue-cli")
        defer { try? FileManager.default.removeItem(at: out) }
        let card = out.appendingPathComponent("toys.yaml")
        try """
            format: nue-card/1
            title: toys with systematics
            analyses: [asimov, argon]
            systematics: preset
            toys: {count: 2, seed: 1}
            scenarios: [{name: KamLAND, detector: kamland, threshold_mev: 3, events: 3000}]
            models: [{model: magnetic-moment}]
            """.write(to: card, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["run", card.path, "--out", out.appendingPathComponent("o").path, "--quiet"])
        #expect(run.status != 0 && run.stderr.contains("analysis 'argon' takes its module's systematics from argon.systematics"), "\(run.stderr)")
    }
}
