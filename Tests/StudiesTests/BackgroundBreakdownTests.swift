import Foundation
import Physics
import Simulation
import Testing
@testable import Studies

/// The `background-breakdown` analysis (issue 12 item 9; docs/physics.md §8.11): its drop-one and
/// single-component limits against independent runs of cards that fit those components by name,
/// its budget against `BackgroundBudget` of the command line's scenario, and card validation.
@Suite struct BackgroundBreakdownTests {
    static func card(backgrounds: String, analyses: String = "[asimov, background-breakdown]") -> String {
        """
        format: nue-card/1
        title: breakdown
        analyses: \(analyses)
        backgrounds: \(backgrounds)
        scenarios:
          - {name: KamLAND >3 MeV, detector: kamland, threshold_mev: 3.0, events: 3000}
        models:
          - model: magnetic-moment
          - model: light-vector
        outputs: {table: true, csv: true, json: true, plots: true}
        """
    }

    /// Runs `yaml` with `StudyRunner` into a temporary directory.
    static func run(_ yaml: String) throws -> (outcome: StudyRunner.Outcome, directory: String) {
        let dir = try TestSupport.temporaryDirectory()
        let path = (dir as NSString).appendingPathComponent("card.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let options = StudyRunner.Options(threads: 2, date: Date(timeIntervalSince1970: 0), gitCommit: String(repeating: "a", count: 40))
        let outcome = try StudyRunner(card: try RunCard.load(path: path), options: options)
            .run(into: OutputDirectory(path: (dir as NSString).appendingPathComponent("out")))
        return (outcome, dir)
    }

    /// The limits of the breakdown by (model kind, fit label): `none`, `all`, `without tl208`, …
    static func breakdown(_ outcome: StudyRunner.Outcome) throws -> [String: Double] {
        let output = try #require(outcome.outputs.first { $0.analysis == .backgroundBreakdown })
        let table = try #require(output.extraTables.first { $0.name == "background-limits" }).table
        let models = try #require(table.column("model")), fits = try #require(table.column("fit")),
            limits = try #require(table.column("limit"))
        var result: [String: Double] = [:]
        for (model, (fit, limit)) in zip(models, zip(fits, limits)) {
            guard case .text(let m) = model, case .text(let f) = fit, case .number(let l) = limit else { continue }
            result["\(m)|\(f)"] = l
        }
        return result
    }

    /// The Asimov limits of a card's `asimov` table by model kind.
    static func asimov(_ outcome: StudyRunner.Outcome) throws -> [String: Double] {
        let table = try #require(outcome.outputs.first { $0.analysis == .asimov }?.table)
        var result: [String: Double] = [:]
        for (model, limit) in zip(try #require(table.column("model")), try #require(table.column("limit"))) {
            guard case .text(let m) = model, case .number(let l) = limit else { continue }
            result[m] = l
        }
        return result
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
        guard let a, let b, a.isFinite, b.isFinite, b != 0 else { return false }
        return abs(a / b - 1) <= tolerance
    }

    /// With one component: "without it" is the background-free limit, which is the limit of a
    /// card without backgrounds; "all" and "only it" are the limit of the card's own asimov table.
    @Test func dropOneOfTheOnlyComponentIsTheIdealizedLimit() throws {
        let (one, d1) = try Self.run(Self.card(backgrounds: "tl208"))
        let (free, d2) = try Self.run(Self.card(backgrounds: "none", analyses: "[asimov]"))
        defer { for d in [d1, d2] { try? FileManager.default.removeItem(atPath: d) } }
        #expect(one.failures == 0 && free.failures == 0)
        let b = try Self.breakdown(one), withTl = try Self.asimov(one), idealized = try Self.asimov(free)
        for model in ["magnetic-moment", "light-vector"] {
            #expect(Self.close(b["\(model)|without tl208"], idealized[model]), "\(model): \(b) vs \(idealized)")
            #expect(Self.close(b["\(model)|none"], idealized[model]))
            #expect(Self.close(b["\(model)|all"], withTl[model]))
            #expect(Self.close(b["\(model)|only tl208"], withTl[model]))
            #expect(withTl[model]! > idealized[model]! * 1.05, "²⁰⁸Tl weakens the limit")
        }
    }

    /// The preset's drop-one and drop-group limits equal the limits of cards that name the other
    /// components (independent template builds through the card's `backgrounds` list), and the
    /// single-component ones those of a card naming that component alone.
    @Test func dropOneMatchesCardsNamingTheRest() throws {
        let (preset, d0) = try Self.run(Self.card(backgrounds: "preset"))
        defer { try? FileManager.default.removeItem(atPath: d0) }
        #expect(preset.failures == 0)
        let b = try Self.breakdown(preset)
        #expect(Self.close(b["magnetic-moment|all"], try Self.asimov(preset)["magnetic-moment"]))
        let names = BackgroundCatalog.names
        let cases: [(fit: String, kept: [String])] = [
            ("without tl208", names.filter { $0 != "tl208" }),
            ("without c10", names.filter { $0 != "c10" }),
            ("without group cosmogenic", names.filter { !BackgroundSubset.Group.cosmogenicNames.contains($0) }),
            ("only b12", ["b12"]),
            ("only group solar ν", BackgroundCatalog.solarNames),
        ]
        for (fit, kept) in cases {
            let (named, d) = try Self.run(Self.card(backgrounds: "[\(kept.joined(separator: ", "))]", analyses: "[asimov]"))
            defer { try? FileManager.default.removeItem(atPath: d) }
            let limits = try Self.asimov(named)
            for model in ["magnetic-moment", "light-vector"] {
                #expect(Self.close(b["\(model)|\(fit)"], limits[model]), "\(model) \(fit): \(b["\(model)|\(fit)"] ?? .nan) vs \(limits[model] ?? .nan)")
            }
        }
        // Dropping a component never tightens the limit less than dropping all of them.
        for (key, value) in b where key.contains("|without ") {
            let model = key.split(separator: "|")[0]
            #expect(value >= b["\(model)|none"]! * (1 - 1e-9) && value <= b["\(model)|all"]! * (1 + 1e-9), "\(key)")
        }
    }

    /// The budget table equals `BackgroundBudget` of the scenario as the command line builds it
    /// (`nue backgrounds`: `StudyScenario` with the preset, templates built anew).
    @Test func budgetMatchesTheScenarioBudget() throws {
        let (preset, d0) = try Self.run(Self.card(backgrounds: "preset", analyses: "[background-breakdown]"))
        defer { try? FileManager.default.removeItem(atPath: d0) }
        let output = try #require(preset.outputs.first)
        let table = try #require(output.extraTables.first { $0.name == "background-budget" }).table
        let study = try StudyScenario(detector: .kamland, spectrum: try Lithium8Spectrum.make(), thresholdMeV: 3,
                                      normalization: .smEventsAboveThreshold(3000),
                                      model: .magneticMoment, backgrounds: try BackgroundSelection.preset.definitions(detectorPreset: "kamland"))
        let budget = try BackgroundBudget(scenario: study)
        let names = try #require(table.column("component")), events = try #require(table.column("events")),
            window = try #require(table.column("events_in_window"))
        #expect(names.count == budget.components.count)
        var sum = 0.0
        for (i, component) in budget.components.enumerated() {
            #expect(names[i] == .text(component.name))
            guard case .number(let e) = events[i], case .number(let w) = window[i] else { Issue.record("not numbers"); continue }
            #expect(abs(e - component.eventsAboveThreshold) <= 1e-9 * max(1, component.eventsAboveThreshold), "\(component.name)")
            #expect(abs(w - component.eventsInWindow) <= 1e-9 * max(1, component.eventsInWindow), "\(component.name)")
            sum += e
        }
        #expect(abs(sum / budget.totalEvents - 1) < 1e-12)
        // The stacked plot data holds the signal, every component and one excess per model.
        let stack = try #require(output.data.first { $0.name == "stack_kamland-3mev" }).table
        let roles = Set(try #require(stack.column("role")).compactMap { if case .text(let r) = $0 { r } else { nil } })
        #expect(roles == ["signal", "background", "excess"])
    }

    @Test func needsBackgroundsAndModels() {
        func message(_ yaml: String) -> String {
            do { _ = try RunCard.parse(yaml: yaml, file: "bad.yaml"); return "no error" } catch { return error.description }
        }
        let none = message(Self.card(backgrounds: "none", analyses: "[background-breakdown]"))
        #expect(none.hasPrefix("bad.yaml:3: key 'backgrounds': analysis 'background-breakdown' needs backgrounds"), "\(none)")
        #expect(!none.contains("\n"))
        let noModels = message(Self.card(backgrounds: "preset", analyses: "[background-breakdown]")
            .replacingOccurrences(of: "models:\n  - model: magnetic-moment\n  - model: light-vector\n", with: ""))
        #expect(noModels.contains("key 'models': missing required key (analysis 'background-breakdown' needs it)"), "\(noModels)")
    }
}
