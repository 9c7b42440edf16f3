import Foundation
import Testing
@testable import Studies
import Statistics

/// The `delta-chi2`, `toys` and `coverage` card analyses with systematics (docs/physics.md §16.6–16.7).
@Suite struct SystematicCardAnalysesTests {
    static let card = """
        format: nue-card/1
        title: systematics in toys, coverage and the profile
        analyses: [asimov, delta-chi2, toys, coverage]
        systematics: energy-scale
        scenarios: [{name: KamLAND, detector: kamland, threshold_mev: 3, events: 3000}]
        models: [{model: magnetic-moment}]
        statistic: poisson
        toys: {count: 20, seed: 11, coverage: {methods: [asimov, fc], toys: 20, critical_toys: 20}}
        outputs: {table: true, csv: true, json: false, plots: false}
        """

    static func numbers(_ table: ResultTable, _ column: String) throws -> [Double] {
        try #require(table.column(column)).map { cell -> Double in
            switch cell {
            case .number(let x): return x
            case .integer(let n): return Double(n)
            default: return .nan
            }
        }
    }

    /// The profile Δχ² curve runs from 0 to 2.5× the Asimov limit on 61 points, so its 25th point
    /// sits at the limit, where the Brent crossing of `asimov` put Δχ² = Φ⁻¹(0.9)² = 1.6424: a
    /// profile fit there (a different computation: no root search) reproduces it to 10⁻⁶. The
    /// toys and coverage rows are those of `SystematicToys` and `CoverageStudy` called
    /// directly with the row's seed, and carry the column `systematics`; the test-statistic band's
    /// median lies inside the toy limits' ±2σ.
    @Test func profileToysAndCoverageWithSystematics() throws {
        let (outcome, _) = try BackgroundBreakdownTests.run(Self.card)
        let asimovTable = try #require(outcome.outputs.first { $0.analysis == .asimov }?.table)
        let limit = try #require(try Self.numbers(asimovTable, "limit").first)

        let profile = try #require(outcome.outputs.first { $0.analysis == .deltaChi2 }?.data.first?.table)
        let values = try Self.numbers(profile, "value"), deltas = try Self.numbers(profile, "delta_chi2")
        #expect(values.count == 61 && abs(values[24] / limit - 1) < 1e-12)
        #expect(abs(deltas[24] - 1.6424) < 1e-3 && deltas[0] == 0, "Δχ² at the Asimov limit \(deltas[24])")

        let card = try RunCard.parse(yaml: Self.card, file: "c.yaml")
        let context = StudyContext(card: card, spectrum: try card.sourceSpectrum(cardDirectory: "."), threads: 1, progress: nil)
        let fit = try #require(try context.systematicFit(0, .magneticMoment))
        let asimov = try fit.asimov(statistic: .poisson, cl: 0.9, method: .clsb)
        #expect(abs(fit.base.quoted(asimov.limit) / limit - 1) < 1e-12)

        let toys = try #require(outcome.outputs.first { $0.analysis == .toys }?.table)
        #expect(toys.column("systematics")?.first == .text("energy-scale"))
        let direct = try SystematicToys.run(model: fit.model, trueTheta: 0, critical: asimov.criticalValue, count: 20,
                                            seed: context.rowSeed(11, row: 0), threads: 2, scale: asimov.limit)
        let median = Quantile.ofSorted(direct.filter { $0.status != .failed }.map(\.upperLimit).sorted(), 0.5)
        #expect(abs(try Self.numbers(toys, "median")[0] / fit.base.quoted(median) - 1) < 1e-12)
        // The pyhf/RooStats band from toys with systematics: its median estimates the same median
        // limit from the same background-only toys, but with the 90 % quantile of q̃ at each grid
        // point read from only 20 signal-plus-background toys: that quantile's standard error,
        // √(0.9·0.1/20)/f_χ²₁(2.71) ≈ 1.1 in q̃, moves the limit by ≈ ±20 %, as wide as the toy
        // limits' ±1σ band at 20 toys. So it lies inside their ±2σ band.
        let tsMedian = try Self.numbers(toys, "ts_median")[0]
        let minus2 = try Self.numbers(toys, "minus2")[0], plus2 = try Self.numbers(toys, "plus2")[0]
        #expect(tsMedian > minus2 && tsMedian < plus2, "ts median \(tsMedian), toy band \(minus2)…\(plus2)")

        let coverage = try #require(outcome.outputs.first { $0.analysis == .coverage }?.table)
        let covered = try Self.numbers(coverage, "covered"), criticals = try Self.numbers(coverage, "critical_value")
        for (row, method) in [CoverageStudy.Method.asimov, .feldmanCousins].enumerated() {
            let study = try CoverageStudy.run(model: fit.model.base, method: method, trueValue: asimov.limit, toys: 20,
                                              seed: context.rowSeed(11, row: row), criticalToys: 20, threads: 2, scale: asimov.limit,
                                              systematicModel: fit.model)
            #expect(Double(study.covered) == covered[row] && study.criticalValue == criticals[row], "\(method)")
        }
    }

    /// The scans and the g–M exclusion with systematics go through other code paths (templates at
    /// another threshold with the exposure kept and refolded there; another normalization pull; the
    /// refolds at each M) than `asimov`, yet at the card's own threshold and σ_norm they give its
    /// limits to 10⁻⁹, and at M = 10⁻³ MeV the massless light-vector limit to 10⁻⁵ (the Z′
    /// propagator 2m_eT + M² differs by M²/(2m_eT) ≲ 3×10⁻⁷ above 3 MeV; the tolerance is the
    /// fit's). Above the own threshold the limit is weaker, above the own σ_norm too.
    @Test func scansAndExclusionWithSystematics() throws {
        let yaml = """
            format: nue-card/1
            title: scans with systematics
            analyses: [asimov, threshold-scan, norm-scan, gm-exclusion]
            systematics: energy-scale
            scenarios: [{name: KamLAND, detector: kamland, threshold_mev: 3, events: 3000, norm_sigma: 0.007}]
            models: [{model: magnetic-moment}, {model: light-vector}]
            statistic: poisson
            scans: {thresholds_mev: [3, 4], norm_sigmas: [0.007, 0.03], mediator_mass_mev: {from: 0.001, to: 10, points: 2}}
            outputs: {table: true, csv: false, json: false, plots: false}
            """
        let (outcome, _) = try BackgroundBreakdownTests.run(yaml)
        let asimov = try BackgroundBreakdownTests.asimov(outcome)
        let mu = try #require(asimov["magnetic-moment"]), g = try #require(asimov["light-vector"])
        for analysis in [RunCard.Analysis.thresholdScan, .normScan] {
            let table = try #require(outcome.outputs.first { $0.analysis == analysis }?.table)
            let limits = try Self.numbers(table, "limit")
            #expect(limits.count == 4 && abs(limits[0] / mu - 1) < 1e-9 && abs(limits[2] / g - 1) < 1e-9, "\(analysis): \(limits) vs \(mu), \(g)")
            #expect(limits[1] > limits[0] && limits[3] > limits[2], "\(analysis): \(limits)")
        }
        let exclusion = try #require(outcome.outputs.first { $0.analysis == .gmExclusion }?.table)
        let gLimits = try Self.numbers(exclusion, "g_limit")
        #expect(abs(gLimits[0] / g - 1) < 1e-5 && gLimits[1] > gLimits[0], "g–M: \(gLimits) vs \(g)")
    }

    /// The background breakdown with systematics: its "all" fit is the `asimov` limit of the same
    /// card, its "none" fit the `asimov` limit of the card without backgrounds (10⁻⁹: the same
    /// fits reached through the subset of refolded backgrounds).
    @Test func backgroundBreakdownWithSystematics() throws {
        let card = """
            format: nue-card/1
            title: breakdown with systematics
            analyses: [asimov, background-breakdown]
            systematics: energy-scale
            backgrounds: tl208,b12
            scenarios: [{name: KamLAND, detector: kamland, threshold_mev: 3, events: 3000}]
            models: [{model: magnetic-moment}]
            statistic: poisson
            outputs: {table: true, csv: false, json: false, plots: false}
            """
        let (outcome, _) = try BackgroundBreakdownTests.run(card)
        let breakdown = try BackgroundBreakdownTests.breakdown(outcome)
        let all = try #require(try BackgroundBreakdownTests.asimov(outcome)["magnetic-moment"])
        let (free, _) = try BackgroundBreakdownTests.run(card.replacingOccurrences(of: "backgrounds: tl208,b12", with: "backgrounds: none")
            .replacingOccurrences(of: "[asimov, background-breakdown]", with: "[asimov]"))
        let none = try #require(try BackgroundBreakdownTests.asimov(free)["magnetic-moment"])
        #expect(BackgroundBreakdownTests.close(breakdown["magnetic-moment|all"], all), "\(breakdown) vs \(all)")
        #expect(BackgroundBreakdownTests.close(breakdown["magnetic-moment|none"], none), "\(breakdown) vs \(none)")
    }

    /// Toys and coverage with systematics are CLs+b: a card asking for CLs is refused at load,
    /// naming the key.
    @Test func clsIsRefused() throws {
        do {
            _ = try RunCard.parse(yaml: Self.card.replacingOccurrences(of: "statistic: poisson", with: "statistic: poisson\nlimit: cls"),
                                  file: "c.yaml")
            Issue.record("limit: cls with systematics and toys must be refused")
        } catch let error as StudyError {
            #expect(error.key == "limit" && error.message.contains("computes CLs+b only"), "\(error)")
        }
    }
}
