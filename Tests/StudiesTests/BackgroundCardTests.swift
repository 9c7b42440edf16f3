import Foundation
import Simulation
import Testing
@testable import Studies

/// The `backgrounds` card key (top level and per scenario; macros/README.md): parsing, the
/// round trip through `yaml()`, and every class of mistake reported as file:line:key.
@Suite struct BackgroundCardTests {
    static let card = """
        format: nue-card/1
        title: backgrounds
        backgrounds: preset
        scenarios:
          - detector: kamland
            threshold_mev: 3
            events: 3000
          - detector: juno
            threshold_mev: 1
            events: 200000
            backgrounds:
              - solar-b8
              - name: c11
                sigma: 0.3
                veto_efficiency: 0.95
              - {name: ibd, untagged_fraction: 0.002}
          - detector: snoplus
            threshold_mev: 3
            events: 100
            backgrounds: none
        models:
          - model: magnetic-moment
        """

    func message(_ yaml: String, baseDirectory: String? = nil) -> String {
        do {
            _ = try RunCard.parse(yaml: yaml, file: "bad.yaml", baseDirectory: baseDirectory)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func parsesAndRoundTrips() throws {
        let card = try RunCard.parse(yaml: Self.card, file: "good.yaml")
        #expect(card.backgrounds == .preset)
        #expect(card.backgroundSelection(for: card.scenarios[0]) == .preset)
        let juno = card.backgroundSelection(for: card.scenarios[1])
        #expect(juno.items.map(\.name) == ["solar-b8", "c11", "ibd"])
        #expect(juno.items[1].vetoEfficiency == 0.95 && juno.items[1].sigma == 0.3)
        #expect(juno.label == "solar-b8,c11*,ibd*")
        #expect(card.backgroundSelection(for: card.scenarios[2]).isNone)
        #expect(try RunCard.parse(yaml: try card.yaml(), file: "again.yaml") == card)
        // The resolved components carry the overrides.
        let definitions = try juno.definitions(detectorPreset: "juno")
        guard case .decays(let c11) = definitions[1].source, case .inverseBetaDecay(let f) = definitions[2].source else {
            Issue.record("wrong sources"); return
        }
        #expect(c11.vetoEfficiency == 0.95 && definitions[1].relativeUncertainty == 0.3 && f == 0.002)
    }

    @Test func mistakesAreLocated() {
        func replacing(_ old: String, _ new: String) -> String { Self.card.replacingOccurrences(of: old, with: new) }
        #expect(message(replacing("veto_efficiency: 0.95", "veto_efficiency: 1.5"))
                == "bad.yaml:15: key 'scenarios[1].backgrounds[1].veto_efficiency': must be a fraction in [0, 1], got 1.5")
        #expect(message(replacing("- solar-b8", "- solar-b9")).hasPrefix(
            "bad.yaml:12: key 'scenarios[1].backgrounds[0]': background 'solar-b9': unknown background; choose preset, none, or names from: solar-b8,"))
        #expect(message(replacing("name: c11", "name: c14"))
                == "bad.yaml:15: key 'scenarios[1].backgrounds[1].veto_efficiency': background 'c14' veto_efficiency: only for cosmogenic components (c11, c10, li8, he8-li9, b12)")
        #expect(message(replacing("{name: ibd, untagged_fraction: 0.002}", "solar-b8"))
                == "bad.yaml:16: key 'scenarios[1].backgrounds[2]': background 'solar-b8': is chosen twice")
        #expect(message(replacing("sigma: 0.3", "sigma: -1"))
                == "bad.yaml:14: key 'scenarios[1].backgrounds[1].sigma': must be a relative uncertainty ≥ 0, got -1")
        #expect(message(replacing("sigma: 0.3", "colour: red"))
                == "bad.yaml:14: key 'scenarios[1].backgrounds[1].colour': unknown key; expected one of: name, sigma, rate_cpd_per_100t, veto_efficiency, untagged_fraction, spectrum_file, reference")
        #expect(message(replacing("backgrounds: none", "backgrounds: [none]"))
                == "bad.yaml:20: key 'scenarios[2].backgrounds[0]': 'none' is not a list item; write backgrounds: none")
        #expect(message(replacing("untagged_fraction: 0.002", "rate_cpd_per_100t: 3"))
                == "bad.yaml:16: key 'scenarios[1].backgrounds[2].rate_cpd_per_100t': background 'ibd' rate_cpd_per_100t: only for decay components (c14, kr85, bi210, po210, bi214, tl208, k40, c11, c10, li8, he8-li9, b12)")
        // The top level applies to every scenario without its own: argon has no preset.
        #expect(message(replacing("detector: kamland", "detector: dune-lar"))
                == "bad.yaml:3: key 'backgrounds': detector 'dune-lar' has no background preset (presets: kamland, juno, snoplus, ideal); name components instead (the solar ones work for any detector) (scenario 'dune-lar >3 MeV', detector dune-lar)")
        // A decay component needs a rate where the detector has no preset; given one, it is accepted.
        let custom = """
            format: nue-card/1
            title: custom
            detectors: [{name: mine, target_electrons: 1e32, resolution: {a: 0.05}, source_distance_m: 20}]
            scenarios:
              - {detector: mine, threshold_mev: 3, events: 100, backgrounds: [c11]}
            models: [{model: magnetic-moment}]
            """
        #expect(message(custom)
                == "bad.yaml:5: key 'scenarios[0].backgrounds[0]': background 'c11' has no preset rate for detector 'custom'; give its rate in a run card (rate_cpd_per_100t) or choose a detector with a preset")
        #expect(message(custom.replacingOccurrences(of: "[c11]", with: "[{name: c11, rate_cpd_per_100t: 20}]")) == "no error")
        // Full-chain toys generate background events too.
        #expect(message(Self.card + "\nanalyses: [toys]\ntoys: {count: 10, seed: 1, full_chain: true}") == "no error")
    }

    /// A user spectrum relative to the card's directory: read and validated at parse time (its
    /// bad line reported with the key), folded like every background when the card runs.
    @Test func userSpectrumFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "# E_vis MeV, events per MeV per year\n2 100\n6 100\n10 100\n".write(
            toFile: (directory as NSString).appendingPathComponent("user.txt"), atomically: true, encoding: .utf8)
        try "2 100\n6 x\n".write(toFile: (directory as NSString).appendingPathComponent("broken.txt"), atomically: true, encoding: .utf8)
        let yaml = """
            format: nue-card/1
            title: user
            scenarios:
              - detector: kamland
                threshold_mev: 3
                exposure: true
                backgrounds:
                  - {name: mine, spectrum_file: user.txt, sigma: 0.2, reference: "a test"}
            models: [{model: magnetic-moment}]
            """
        let card = try RunCard.parse(yaml: yaml, file: "user.yaml", baseDirectory: directory)
        let definitions = try card.backgroundSelection(for: card.scenarios[0]).definitions(detectorPreset: "kamland", cardDirectory: directory)
        guard case .tabulated(let table) = try #require(definitions.first).source else { Issue.record("not a table"); return }
        // 100 events per MeV per year from 2 to 10 MeV: 800 per year.
        #expect(abs(table.eventsPerYear - 800) < 1e-9)
        #expect(definitions[0].reference == "a test" && definitions[0].relativeUncertainty == 0.2)
        #expect(message(yaml.replacingOccurrences(of: "user.txt", with: "broken.txt"), baseDirectory: directory)
                == "bad.yaml:8: key 'scenarios[0].backgrounds[0].spectrum_file': background 'mine' spectrum_file: \(directory)/broken.txt: line 2: expected two numbers 'E_MeV weight', got '6 x'")
        #expect(message(yaml.replacingOccurrences(of: "user.txt", with: "missing.txt"), baseDirectory: directory)
                == "bad.yaml:8: key 'scenarios[0].backgrounds[0].spectrum_file': background 'mine' spectrum_file: spectrum file not found: \(directory)/missing.txt")
        #expect(message(yaml.replacingOccurrences(of: "name: mine", with: "name: c11"), baseDirectory: directory)
                == "bad.yaml:8: key 'scenarios[0].backgrounds[0].spectrum_file': background 'c11' spectrum_file: 'c11' is a catalogue component; give a user spectrum another name")
    }
}
