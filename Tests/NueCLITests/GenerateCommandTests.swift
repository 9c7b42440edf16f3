import ArgumentParser
import Foundation
import Testing
@testable import nue

@Suite struct GenerateCommandTests {
    static func path(_ name: String) -> String { NSTemporaryDirectory() + "nue-cli-\(getpid())-\(name)" }

    /// Parses and validates like the command line does; returns the error message, nil on success.
    static func message(_ arguments: [String]) -> String? {
        do {
            _ = try Nue.parseAsRoot(arguments)
            return nil
        } catch {
            #expect(Nue.exitCode(for: error) != .success)
            return Nue.message(for: error)
        }
    }

    @Test func badInputGivesClearMessages() {
        let out = ["--seed", "1", "--format", "csv", "--output", Self.path("bad.csv")]
        #expect(Self.message(["generate", "--detector", "kamlnd"] + out)?.contains("unknown --detector") == true)
        #expect(Self.message(["generate", "--threshold", "-1"] + out)?.contains("--threshold") == true)
        #expect(Self.message(["generate", "--threshold", "nan"] + out)?.contains("finite") == true)
        #expect(Self.message(["generate", "--cl", "1.5"] + out)?.contains("--cl") == true)
        #expect(Self.message(["generate", "--count", "0"] + out)?.contains("--count") == true)
        #expect(Self.message(["generate", "--seed", "1", "--format", "root", "--output", "x"]) != nil)
        #expect(!FileManager.default.fileExists(atPath: Self.path("bad.csv")))
    }

    @Test func thresholdAboveKinematicLimitIsAValidationError() throws {
        let command = try #require(try Nue.parseAsRoot(["generate", "--threshold", "17", "--seed", "1", "--format", "csv",
                                                        "--output", Self.path("limit.csv"), "--quiet"]) as? GenerateCommand)
        #expect {
            try command.run()
        } throws: { error in
            Nue.message(for: error).contains("kinematic limit")
        }
        _ = command
    }

    @Test func countWritesExactlyThatManyEvents() throws {
        let path = Self.path("count.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try Nue.parseAsRoot(["generate", "--detector", "juno", "--count", "250", "--seed", "3",
                                                        "--format", "csv", "--output", path, "--quiet", "--mu-nu", "1e-10"]) as? GenerateCommand)
        try command.run()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 251)
        #expect(lines[0] == "enu_mev,t_mev,cos_theta,t_reco_mev,cos_theta_reco,weight")
        // Every written event passed the 3 MeV threshold.
        #expect(lines.dropFirst().allSatisfy { Double($0.split(separator: ",")[3])! >= 3 })
        _ = command
    }

    /// `--format nuhepmc` is an alias of `hepmc3` (same bytes), listed in the help; the header's
    /// flux-averaged cross section is the detected events' (KamLAND > 3 MeV: 7.536×10⁻⁹ pb per
    /// electron, `DetectedCrossSectionTests` checks it by quadrature), not the generated region's
    /// 1.041×10⁻⁸ pb.
    @Test func nuhepmcIsAnAliasOfHepmc3() throws {
        #expect(GenerateCommand.helpMessage().contains("nuhepmc"))
        var files: [String] = []
        defer { for f in files { try? FileManager.default.removeItem(atPath: f) } }
        for format in ["hepmc3", "nuhepmc"] {
            let path = Self.path("alias.\(format)")
            files.append(path)
            let command = try #require(try Nue.parseAsRoot(["generate", "--detector", "kamland", "--count", "20", "--seed", "4",
                                                            "--format", format, "--output", path, "--quiet"]) as? GenerateCommand)
            try command.run()
        }
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(texts[0] == texts[1])
        let line = try #require(texts[1].split(separator: "\n").first { $0.hasPrefix("A NuHepMC.FluxAveragedTotalCrossSection ") })
        let picobarn = try #require(Double(line.split(separator: " ")[2]))
        // The detected cross section of the default (measured-final-state) source, 6.7816×10⁻⁴⁵ cm²
        // = 6.7816×10⁻⁹ pb by nested quadrature (`DetectedCrossSectionTests.kamlandAboveThreeMeVMeasuredSource`).
        #expect(abs(picobarn / 6.7816e-9 - 1) < 1e-3)
    }
}
