import Foundation
import NueTestSupport
import Testing

/// `nue backgrounds` and `--backgrounds` on the SCENARIO commands (README "Backgrounds").
@Suite struct BackgroundsCommandTests {
    /// The JSON contract: `exposure_tonne_years` and `components` with `name`, `events`,
    /// `events_in_window`, `reference`. KamLAND > 3 MeV with 3000 SM events: the live time is
    /// implied, 1.909 yr (5 yr × 3000 / 7859), so 897 t × 1.909 yr = 1712 t·yr; the preset has
    /// the 19 components in catalogue order, each with events_in_window ≤ events.
    @Test func jsonHasTheDocumentedKeys() throws {
        let r = try CLIRunner.run(["backgrounds", "--detector", "kamland", "--threshold", "3", "--events", "3000", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try r.json()
        let exposure = try #require(j["exposure_tonne_years"] as? Double)
        #expect(abs(exposure - 897 * 5 * 3000 / 7858.5) < 2, "\(exposure)")
        #expect(j["live_time_implied_by_events"] as? Bool == true)
        #expect(j["backgrounds"] as? String == "preset")
        let components = try #require(j["components"] as? [[String: Any]])
        #expect(components.count == 19)
        #expect(components.first?["name"] as? String == "solar-b8")
        for c in components {
            for key in ["name", "events", "events_in_window", "reference"] { #expect(c[key] != nil, "missing \(key) in \(c)") }
            let events = try #require(c["events"] as? Double), window = try #require(c["events_in_window"] as? Double)
            #expect(window <= events * (1 + 1e-12))
        }
        // ⁸B at KamLAND above 3 MeV: 3 802 recoils in 5 years (docs/physics.md §13.4: 3 422 at 90 %), ×1.909/5.
        let b8 = try #require(components.first?["events"] as? Double)
        #expect(abs(b8 / (3801 * 1.909 / 5) - 1) < 0.01, "\(b8)")
        // Named components only, with the physical exposure: 5 years, 4485 t·yr.
        let named = try CLIRunner.run(["backgrounds", "--detector", "kamland", "--backgrounds", "solar-b8,ibd", "--json"])
        #expect(named.status == 0, "\(named.stderr)")
        let n = try named.json()
        #expect(abs((n["exposure_tonne_years"] as? Double ?? 0) - 4485) < 1e-6)
        #expect((n["components"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["solar-b8", "ibd"])
    }

    /// Bad names: one line naming the option and listing the allowed names, exit 1; argon has no
    /// preset; event files with backgrounds are Poisson data sets (no --count);
    /// full-chain toys take them.
    @Test func refusals() throws {
        let unknown = try CLIRunner.run(["sensitivity", "--backgrounds", "solar-b9"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("Error: --backgrounds: background 'solar-b9': unknown background; choose preset, none, or names from: solar-b8,"))
        #expect(unknown.stderr.filter { $0 == "\n" }.count == 1)
        let mixed = try CLIRunner.run(["toys", "--toys", "10", "--backgrounds", "none,c11"])
        #expect(mixed.status == 1 && mixed.stderr.contains("--backgrounds takes preset, none, or names"))
        let argon = try CLIRunner.run(["backgrounds", "--detector", "dune-lar"])
        #expect(argon.status == 1 && argon.stderr.contains("has no background preset"))
        let counted = try CLIRunner.run(["generate", "--backgrounds", "preset", "--count", "10", "--seed", "1", "--format", "csv", "--output", "/dev/null"])
        #expect(counted.status == 1 && counted.stderr.contains("give no --count"))
        let fullChain = try CLIRunner.run(["toys", "--toys", "2", "--full-chain", "--backgrounds", "solar-b8", "--json", "--quiet"])
        #expect(fullChain.status == 0, "\(fullChain.stderr)")
    }

    /// `--backgrounds none` is the default (the mission's table, bit for bit); a background
    /// weakens the limit; a one-row card with the same backgrounds gives the same limit to the last bit.
    @Test func sensitivityWithBackgroundsAndCardAgree() throws {
        let base = ["sensitivity", "--detector", "kamland", "--threshold", "3", "--events", "3000", "--json"]
        let plain = try CLIRunner.run(base), none = try CLIRunner.run(base + ["--backgrounds", "none"])
        let b8 = try CLIRunner.run(base + ["--backgrounds", "solar-b8,tl208"])
        #expect(plain.status == 0 && none.status == 0 && b8.status == 0, "\(b8.stderr)")
        let limit = try #require(try plain.json()["limit"] as? Double)
        #expect(try none.json()["limit"] as? Double == limit)
        let withBackgrounds = try #require(try b8.json()["limit"] as? Double)
        #expect(withBackgrounds > 1.1 * limit)

        let card = try OneRowCard.run(title: "one row with backgrounds", "backgrounds: [solar-b8, tl208]")
        #expect(card.status == 0, "\(card.stderr)")
        #expect(card.limit == withBackgrounds)
        let csv = card.csv
        #expect(csv.hasPrefix("scenario,detector,threshold_mev,events,norm_sigma,model,interference,mediator_mass_mev,statistic,limit_method,parameter,limit,backgrounds,background_events,live_time_years,live_time,status\n"))
        #expect(csv.contains(",\"solar-b8,tl208\",") && csv.contains("implied by N events"))
    }

    /// `nue generate --backgrounds`: the signal rows are exactly those of the same run without
    /// backgrounds (then `,signal`), every background row names a preset component and lies above
    /// the threshold, and the file is the same for 1 and 2 threads.
    @Test func generateWithBackgrounds() throws {
        let directory = try StudyCommandsTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func run(_ name: String, _ extra: [String]) throws -> [Substring] {
            let path = directory.appendingPathComponent(name).path
            let r = try CLIRunner.run(["generate", "--detector", "kamland", "--threshold", "3", "--events", "300", "--seed", "9",
                                       "--format", "csv", "--output", path, "--quiet"] + extra)
            try #require(r.status == 0, "\(r.stderr)")
            return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        }
        let plain = try run("plain.csv", [])
        let one = try run("one.csv", ["--backgrounds", "preset", "--threads", "1"])
        let two = try run("two.csv", ["--backgrounds", "preset", "--threads", "2"])
        #expect(one == two)
        #expect(one[0] == plain[0] + ",component")
        let signal = one.dropFirst().filter { $0.hasSuffix(",signal") }
        #expect(signal.map { $0.dropLast(",signal".count) } == Array(plain.dropFirst()))
        let names = Set(["solar-b8", "solar-hep", "ibd", "tl208", "bi214", "c10", "li8", "he8-li9", "b12", "c11", "k40"])
        let background = one.dropFirst().filter { !$0.hasSuffix(",signal") }
        #expect(background.count > signal.count, "the KamLAND preset has more background than signal above 3 MeV")
        for row in background {
            let fields = row.split(separator: ",")
            #expect(names.contains(String(fields[6])) && Double(fields[3])! >= 3, "\(row)")
        }
    }

    /// NuHepMC with backgrounds (README "NuHepMC"): pyhepmc reads the file; every event's process ID
    /// is declared with its name and description; the per-process counts and the sums of deposited
    /// energies equal the CSV of the same seed (the same events: signal 750, each component its ID).
    @Test(.enabled(if: PythonModules.hasPyhepmc)) func nuhepmcWithBackgroundsMatchesTheCSV() throws {
        let directory = try StudyCommandsTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csvPath = directory.appendingPathComponent("bg.csv").path, hepmcPath = directory.appendingPathComponent("bg.hepmc3").path
        let base = ["generate", "--detector", "kamland", "--threshold", "1", "--events", "200", "--seed", "4",
                    "--backgrounds", "solar-b8,solar-pep,ibd,tl208,k40,c11,he8-li9", "--quiet"]
        for (format, path) in [("csv", csvPath), ("nuhepmc", hepmcPath)] {
            let r = try CLIRunner.run(base + ["--format", format, "--output", path])
            try #require(r.status == 0, "\(r.stderr)")
        }
        let ids = ["signal": "750", "solar-b8": "751", "solar-pep": "753", "ibd": "200", "tl208": "1006", "k40": "1007",
                   "c11": "1101", "he8-li9": "1104"]
        var counts: [String: Int] = [:], deposits: [String: Double] = [:]
        for row in try String(contentsOfFile: csvPath, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",")
            let id = try #require(ids[String(fields[6])], "\(row)")
            counts[id, default: 0] += 1
            if fields[6] != "signal" { deposits[id, default: 0] += Double(fields[1])! }
        }
        let script = try #require(ProcessRunner.runOnPath(["python3", TestPaths.path("scripts/read_nuhepmc.py"), hepmcPath]))
        try #require(script.status == 0, "read_nuhepmc.py failed: \(script.stderr)")
        let json = try script.json()
        #expect(json["process_ids"] as? [String: Int] == counts)
        #expect(json["missing_required"] as? [String] == [])
        #expect(json["undeclared_process_ids"] as? [String] == [])
        #expect(json["events_failing"] as? Int == 0)
        #expect(json["event_numbers_unique"] as? Bool == true)
        #expect((json["max_four_momentum_violation_mev"] as? Double ?? 1) < 1e-9)
        let sums = try #require(json["deposited_energy_sum_mev"] as? [String: Double])
        #expect(Set(sums.keys) == Set(deposits.keys))
        for (id, sum) in deposits { #expect(abs((sums[id] ?? 0) / sum - 1) < 1e-12, "\(id)") }
        let run = try #require(json["run_info"] as? [String: String])
        #expect(Set(run["NuHepMC.ProcessIDs"]?.split(separator: " ").map(String.init) ?? []) == Set(ids.values))
        #expect(run["NuHepMC.ProcessInfo[1101].Name"] == "c11 decay")
        #expect(run["NuHepMC.AdditionalParticleNumbers"] == "2009900100 2009900101")
    }
}
