import Foundation
import Testing
@testable import Studies

/// Each class of bad card gives `file:line: key 'path': message`, exactly.
@Suite struct RunCardErrorTests {
    /// A valid card; line numbers are those of this text.
    static let good = """
        format: nue-card/1
        title: test
        scenarios:
          - detector: kamland
            threshold_mev: 3
            events: 3000
          - detector: juno
            threshold_mev: 1
            events: 200000
        models:
          - model: magnetic-moment
        cl: 0.9
        """

    func message(_ yaml: String) -> String {
        do {
            _ = try RunCard.parse(yaml: yaml, file: "bad.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    func replacing(_ old: String, with new: String) -> String {
        Self.good.replacingOccurrences(of: old, with: new)
    }

    @Test func goodCardParses() {
        #expect(message(Self.good) == "no error")
    }

    @Test func unknownKey() {
        #expect(message(replacing("    threshold_mev: 1", with: "    treshold_mev: 1"))
                == "bad.yaml:8: key 'scenarios[1].treshold_mev': unknown key; expected one of: name, detector, threshold_mev, events, exposure, norm_sigma, intensity_per_year, live_time_years, backgrounds, systematics")
        #expect(message(Self.good + "\nstatistics: both")
                == "bad.yaml:13: key 'statistics': unknown key; expected one of: format, title, notes, analyses, source, detectors, scenarios, models, scans, sin2_theta_w, radiative_corrections, statistic, cl, limit, binning, toys, outputs, argon, backgrounds, systematics")
    }

    @Test func wrongType() {
        #expect(message(replacing("threshold_mev: 1", with: "threshold_mev: \"1\""))
                == "bad.yaml:8: key 'scenarios[1].threshold_mev': expected a number, got the quoted string \"1\"")
        #expect(message(replacing("threshold_mev: 1", with: "threshold_mev: [1, 2]"))
                == "bad.yaml:8: key 'scenarios[1].threshold_mev': expected a number, got a list")
        #expect(message(Self.good + "\nbinning: 3")
                == "bad.yaml:13: key 'binning': expected a mapping (key: value lines), got '3'")
        #expect(message(replacing("title: test", with: "title: [a, b]"))
                == "bad.yaml:2: key 'title': expected a text value, got a list")
        #expect(message(Self.good + "\nanalyses: asimov")
                == "bad.yaml:13: key 'analyses': expected a list, got 'asimov'")
        #expect(message(Self.good + "\noutputs: {plots: maybe}")
                == "bad.yaml:13: key 'outputs.plots': expected true or false, got 'maybe'")
        #expect(message(Self.good + "\ntoys: {count: 2.5, seed: 1}")
                == "bad.yaml:13: key 'toys.count': expected a whole number, got 2.5")
    }

    @Test func seedsAreExactWholeNumbers() throws {
        let card = try RunCard.parse(yaml: Self.good + "\ntoys: {count: 10, seed: 18446744073709551615}")
        #expect(card.toys?.seed == UInt64.max)
        #expect(message(Self.good + "\ntoys: {count: 10, seed: -3}")
                == "bad.yaml:13: key 'toys.seed': must be a whole number ≥ 0, got -3")
    }

    @Test func negativeThreshold() {
        #expect(message(replacing("threshold_mev: 1", with: "threshold_mev: -0.5"))
                == "bad.yaml:8: key 'scenarios[1].threshold_mev': must be a positive number of MeV, got -0.5")
        // Zero used to pass parsing and fail every row at run time.
        #expect(message(replacing("threshold_mev: 1", with: "threshold_mev: 0"))
                == "bad.yaml:8: key 'scenarios[1].threshold_mev': must be a positive number of MeV, got 0")
    }

    @Test func confidenceLevelOutsideTheUnitInterval() {
        #expect(message(replacing("cl: 0.9", with: "cl: 1.5"))
                == "bad.yaml:12: key 'cl': must be in (0, 1), got 1.5")
        #expect(message(replacing("cl: 0.9", with: "cl: 0"))
                == "bad.yaml:12: key 'cl': must be in (0, 1), got 0")
    }

    @Test func notANumber() {
        #expect(message(replacing("cl: 0.9", with: "cl: .nan"))
                == "bad.yaml:12: key 'cl': must be a finite number, got .nan")
        #expect(message(replacing("events: 3000", with: "events: .inf"))
                == "bad.yaml:6: key 'scenarios[0].events': must be a finite number, got .inf")
    }

    @Test func unknownDetectorPreset() {
        #expect(message(replacing("detector: juno", with: "detector: hyperk"))
                == "bad.yaml:7: key 'scenarios[1].detector': unknown detector preset 'hyperk'; choose one of: kamland, juno, snoplus, dune-lar, ideal or a name from 'detectors'")
    }

    @Test func missingRequiredKeys() {
        #expect(message(replacing("    threshold_mev: 1\n", with: ""))
                == "bad.yaml:7: key 'scenarios[1].threshold_mev': missing required key")
        #expect(message(replacing("title: test\n", with: ""))
                == "bad.yaml:1: key 'title': missing required key")
        #expect(message(replacing("    events: 200000\n", with: ""))
                == "bad.yaml:7: key 'scenarios[1].events': missing required key (give events: N or exposure: true)")
        #expect(message(Self.good + "\nanalyses: [asimov, gm-exclusion]")
                == "bad.yaml:13: key 'scans.mediator_mass_mev': missing required key (analysis 'gm-exclusion' needs it)")
    }

    @Test func outOfRangeAndConflictingValues() {
        #expect(message(replacing("    events: 3000", with: "    events: 3000\n    exposure: true"))
                == "bad.yaml:6: key 'scenarios[0].events': give either events or exposure, not both")
        #expect(message(Self.good + "\nscans: {mediator_mass_mev: {from: 10, to: 1, points: 5}}")
                == "bad.yaml:13: key 'scans.mediator_mass_mev.to': must be larger than from = 10")
        #expect(message(Self.good + "\nstatistic: likelihood")
                == "bad.yaml:13: key 'statistic': unknown value 'likelihood'; choose one of: poisson, pearson, both")
        #expect(message(replacing("format: nue-card/1", with: "format: nue-card/2"))
                == "bad.yaml:1: key 'format': unsupported format 'nue-card/2'; this version of nue reads nue-card/1")
        #expect(message(Self.good + "\nsource: {up_time: 1.2}")
                == "bad.yaml:13: key 'source.up_time': must be a fraction in (0, 1], got 1.2")
    }

    @Test func customDetectorNeedsItsRequiredFields() {
        let yaml = Self.good + "\ndetectors:\n  - name: mine\n    target_electrons: 1e32"
        #expect(message(yaml) == "bad.yaml:14: key 'detectors[0].resolution': missing required key")
    }

    @Test func nullsDuplicatesAndABadRoot() {
        #expect(message(replacing("    threshold_mev: 1", with: "    threshold_mev:"))
                == "bad.yaml:8: key 'scenarios[1].threshold_mev': expected a number, got nothing (null)")
        #expect(message(Self.good + "\ncl: 0.95")
                == "bad.yaml:13: key 'cl': duplicate key")
        #expect(message("- a\n- b\n") == "bad.yaml:1: expected a mapping (key: value lines), got a list")
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        let text = message(replacing("  - detector: juno", with: "  - detector: [juno"))
        #expect(text.hasPrefix("bad.yaml:"))
        #expect(text.contains("not valid YAML"))
    }

    @Test func unreadableFileNamesThePath() {
        #expect(message("") == "bad.yaml:1: the run card is empty")
        do {
            _ = try RunCard.load(path: "/nonexistent/card.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/card.yaml:0: no run card at this path (no such file)")
        }
    }

    @Test func missingSpectrumFileIsReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("card.yaml")
        try (Self.good + "\nsource: {spectrum_file: flux.txt}").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try RunCard.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(path):13: key 'source.spectrum_file': spectrum file not found: \(directory)/flux.txt")
        }
    }
}
