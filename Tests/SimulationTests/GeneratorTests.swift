import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

@Suite struct GeneratorTests {
    enum ModelCase: String, CaseIterable, Sendable {
        case sm, smPlusMagneticMoment, smPlusLightVector
        /// New physics large enough to change the spectrum visibly (tens of per cent).
        func model(_ s: Scenario) -> ScatteringModel {
            switch self {
            case .sm: s.model()
            case .smPlusMagneticMoment: s.model(kappa: 1e-10)
            case .smPlusLightVector: s.model(g: 2e-6)
            }
        }
    }

    /// Reconstructed-T spectrum of detected events against the integrated templates:
    /// expected_j = n_j(model) × N_generated / n_generated(model). Pearson χ², p > 1e-3, seed fixed.
    @Test(arguments: ["kamland", "dune-lar"], ModelCase.allCases)
    func recoSpectrumMatchesTemplates(detector: String, modelCase: ModelCase) throws {
        let s = try Fixtures.scenario(detector, binWidth: 0.5)
        let n = 150_000
        let (summary, test) = try Fixtures.recoSpectrumAgainstTemplates(s, model: modelCase.model(s), seed: 11, events: n)
        #expect(summary.boundViolations == 0)
        #expect(summary.generated == n)
        #expect(test.p > 1e-3, "\(detector) \(modelCase): χ² = \(test.chi2) / \(test.dof)")
    }

    /// σ(E; T ∈ [lower, upper] ∩ [T_lo, T_max(E)]) from the Physics types (closed forms / QAGS).
    static func sigma(_ model: ScatteringModel, _ e: Double, _ lower: Double, _ upper: Double) -> Double {
        let hi = min(upper, Kinematics.maxRecoil(neutrinoEnergy: e))
        guard hi > lower else { return 0 }
        return try! model.crossSection.integrated(neutrinoEnergy: e, recoilFrom: lower, to: hi)
    }

    /// True E_ν and cos θ_e of all generated events against one-dimensional integrals over E of the
    /// Physics cross sections (for cos θ_e, the bin maps to a T interval at fixed E by inverting
    /// cos θ_e(E, T): T = 2 m_e k/(1 − k), k = cos²θ E²/(E + m_e)²).
    @Test(arguments: ModelCase.allCases)
    func trueEnergyAndAngleDistributions(modelCase: ModelCase) throws {
        let s = try Fixtures.scenario("ideal", binWidth: 0.5)
        let templates = try s.templates()
        let model = modelCase.model(s)
        let generator = try s.eventGenerator(model: model, templates: templates)
        let tLow = templates.lowestTrueRecoilMeV
        let eLow = Kinematics.minNeutrinoEnergy(recoil: tLow), eHigh = s.spectrum.endpoint
        let eBins = try Binning.uniform(lower: eLow, upper: eHigh, width: (eHigh - eLow) / 24)
        let cLow = Kinematics.cosRecoilAngle(neutrinoEnergy: eHigh, recoil: tLow)
        let cBins = try Binning.uniform(lower: cLow, upper: 1 + 1e-12, width: (1 + 1e-12 - cLow) / 20)
        var eHist = Histogram(binning: eBins, collectsOverflow: true), cHist = Histogram(binning: cBins, collectsOverflow: true)
        let stream = RandomStream(seed: 5, index: 0)
        var events: [Event] = []
        let n = 100_000
        let violations = generator.sample(count: n, stream: stream, into: &events)
        #expect(violations == 0)
        for e in events {
            eHist.fill(e.neutrinoEnergyMeV)
            cHist.fill(e.cosTheta)
        }
        let integrator = Integrator()
        let me = PhysicalConstants.electronMass
        func tOfCos(_ c: Double, _ e: Double) -> Double {
            let k = c * c * e * e / ((e + me) * (e + me))
            return k >= 1 ? .infinity : 2 * me * k / (1 - k)
        }
        let eExpected = try (0..<eBins.count).map { j in
            try integrator.qag({ e in s.spectrum.density(at: e) * Self.sigma(model, e, tLow, .infinity) },
                               from: eBins.edges[j], to: eBins.edges[j + 1], relativeTolerance: 1e-7).value
        }
        let total = eExpected.reduce(0, +)
        // The region's integral from the template machinery agrees with this independent one.
        #expect(abs(generator.regionCrossSection / total - 1) < 1e-5)
        let cExpected = try (0..<cBins.count).map { j in
            try integrator.qag({ e in
                s.spectrum.density(at: e) * Self.sigma(model, e, max(tLow, tOfCos(cBins.edges[j], e)), tOfCos(cBins.edges[j + 1], e))
            }, from: eLow, to: eHigh, relativeTolerance: 1e-7).value
        }
        let eTest = Fixtures.chiSquared(observed: eHist.counts, expected: eExpected.map { $0 * Double(n) / total })
        let cTest = Fixtures.chiSquared(observed: cHist.counts, expected: cExpected.map { $0 * Double(n) / total })
        #expect(eTest.p > 1e-3, "E_ν \(modelCase): χ² = \(eTest.chi2) / \(eTest.dof)")
        #expect(cTest.p > 1e-3, "cos θ \(modelCase): χ² = \(cTest.chi2) / \(cTest.dof)")
    }

    /// Two-body kinematics per event, from momentum conservation (law of cosines with a massless
    /// outgoing neutrino): cos θ_e = (E² + p_e² − (E − T)²) / (2 E p_e), p_e = √(T(T + 2m_e)).
    @Test func kinematicsHoldPerEvent() throws {
        let s = try Fixtures.scenario("kamland")
        let templates = try s.templates()
        let generator = try s.eventGenerator(model: s.model(g: 1e-6), templates: templates)
        var events: [Event] = []
        _ = generator.sample(count: 20_000, stream: RandomStream(seed: 3), into: &events)
        let me = PhysicalConstants.electronMass
        var worst = 0.0
        for ev in events {
            let e = ev.neutrinoEnergyMeV, t = ev.recoilMeV
            let p = (t * (t + 2 * me)).squareRoot()
            let c = (e * e + p * p - (e - t) * (e - t)) / (2 * e * p)
            worst = max(worst, abs(c - ev.cosTheta))
            #expect(t >= templates.lowestTrueRecoilMeV - 1e-12 && t <= 2 * e * e / (me + 2 * e) + 1e-12)
            #expect(ev.azimuth >= 0 && ev.azimuth < 2 * Double.pi)
        }
        #expect(worst < 1e-12)
    }

    /// Weighted events (every proposal kept, weight f/g normalized to mean 1) and unweighted events
    /// describe the same distribution: the weighted T_reco histogram against the templates, with
    /// variance Σw² per bin, and the mean weight 1.
    @Test func weightedAgreesWithUnweighted() throws {
        let s = try Fixtures.scenario("kamland", binWidth: 0.5)
        let templates = try s.templates()
        let model = s.model(kappa: 1e-10)
        let pipeline = try s.pipeline(model: model, mode: .weighted, templates: templates)
        var weighted = Histogram(binning: s.binning, collectsOverflow: true)
        var sumW = 0.0, sumW2 = 0.0
        let n = 100_000
        pipeline.run(seed: 21, events: n) { block in
            for e in block {
                sumW += e.weight
                sumW2 += e.weight * e.weight
                if e.detected { weighted.fill(e.recoRecoilMeV, weight: e.weight) }
            }
            return true
        }
        let meanError = (sumW2 / Double(n) - pow(sumW / Double(n), 2)).squareRoot() / Double(n).squareRoot()
        #expect(abs(sumW / Double(n) - 1) < 5 * meanError)
        let scale = Double(n) / templates.generated.combined(for: model)
        let expected = templates.expected(for: model).map { $0 * scale }
        var chi2 = 0.0
        for j in expected.indices where weighted.sumOfSquaredWeights[j] > 0 {
            chi2 += pow(weighted.counts[j] - expected[j], 2) / weighted.sumOfSquaredWeights[j]
        }
        let p = Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(expected.count))
        #expect(p > 1e-3, "weighted χ² = \(chi2) / \(expected.count)")
    }

    @Test func negativeDensityIsRejectedForUnweightedEvents() throws {
        let s = try Fixtures.scenario("kamland")
        let templates = try s.templates()
        // κ² = −1e-19: S κ²/T ≈ −8e-45 cm²/MeV at T = 3 MeV, below the SM ≈ 4e-45.
        let model = ScatteringModel(kappaSquared: -1e-19)
        #expect {
            _ = try s.eventGenerator(model: model, mode: .unweighted, templates: templates)
        } throws: { error in
            guard let e = error as? SimulationError, case .negativeDensity = e else { return false }
            return e.description.contains("weighted mode")
        }
        let weighted = try s.eventGenerator(model: model, mode: .weighted, templates: templates)
        var events: [Event] = []
        _ = weighted.sample(count: 1000, stream: RandomStream(seed: 1), into: &events)
        #expect(events.contains { $0.weight < 0 })
    }

    /// The same seed and block size give byte-identical files for 1 and 2 threads.
    @Test func outputIndependentOfThreadCount() throws {
        let s = try Fixtures.scenario("dune-lar")
        let templates = try s.templates()
        var files: [Data] = []
        for threads in [1, 2] {
            let path = NSTemporaryDirectory() + "nue-sim-threads-\(threads)-\(getpid()).csv"
            let pipeline = try s.pipeline(model: s.model(kappa: 3e-11), threads: threads, blockSize: 4096, templates: templates)
            let writer = try CSVEventWriter(path: path)
            try pipeline.runDetected(seed: 99, count: 30_000) { try writer.write($0) }
            try writer.finish()
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            try FileManager.default.removeItem(atPath: path)
        }
        #expect(files[0].count > 30_000 * 40)
        #expect(files[0] == files[1])
    }

    @Test func toyCountIsPoissonWithTheExpectedMean() throws {
        let s = try Fixtures.scenario("kamland")
        let templates = try s.templates()
        let model = s.model()
        let mean = templates.generated.combined(for: model)
        let draws = (0..<400).map { Double(s.toyInteractionCount(model: model, seed: UInt64($0), templates: templates)) }
        let average = draws.reduce(0, +) / 400
        #expect(abs(average - mean) < 5 * (mean / 400).squareRoot())
        #expect(s.toyInteractionCount(model: model, seed: 7, templates: templates) == s.toyInteractionCount(model: model, seed: 7, templates: templates))
    }

    @Test func aliasTableReproducesItsWeights() throws {
        let weights = [0.0, 3, 1, 7.5, 0.25, 2, 0, 11]
        let table = try AliasTable(weights: weights)
        let total = weights.reduce(0, +)
        for k in weights.indices { #expect(abs(table.probability(k) - weights[k] / total) < 1e-14) }
        #expect(throws: SimulationError.self) { try AliasTable(weights: [0, 0]) }
        #expect(throws: SimulationError.self) { try AliasTable(weights: [1, -1]) }
    }
}

@Suite struct ToyTests {
    /// 300 toys of a 400-event scenario: the mean detected total is N (within 5σ of √(N/300)) and
    /// its variance is Poisson (within 5 × the standard error √(2/299) of the variance ratio).
    @Test func toyHistogramsArePoissonAroundTheTemplates() throws {
        let s = try Fixtures.scenario("kamland", normalization: .smEventsAboveThreshold(400))
        let templates = try s.templates()
        let model = s.model()
        let pipeline = try s.pipeline(model: model, templates: templates)
        let totals = (0..<300).map { seed in
            pipeline.toyHistogram(seed: UInt64(seed), expectedInteractions: templates.generated.combined(for: model),
                                  binning: s.binning).total
        }
        let mean = totals.reduce(0, +) / 300
        let variance = totals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 299
        #expect(abs(mean - 400) < 5 * (400.0 / 300).squareRoot())
        #expect(abs(variance / 400 - 1) < 5 * (2.0 / 299).squareRoot())
    }
}
