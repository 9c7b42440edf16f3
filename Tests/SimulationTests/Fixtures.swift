import Foundation
import GSL
import Physics
@testable import Simulation

/// Shared inputs: the ⁸Li spectrum is built once per test process.
enum Fixtures {
    /// The single-level resonance (`.standard`): the worked numbers of docs/physics.md §4–§5 (and
    /// the tests' hard-coded values) are for it; the machinery under test does not depend on the
    /// final state. The measured default has its own tests (`MeasuredFinalStateTests`, CLI).
    static let spectrum: NeutrinoSpectrum = try! Lithium8Spectrum.make(finalState: .standard)

    static func scenario(_ detector: String, threshold: Double = 3, binWidth: Double = 0.5,
                         normalization: Normalization = .smEventsAboveThreshold(3000),
                         mediatorMassMeV: Double = 0) throws -> Scenario {
        try Scenario(detector: try Detector.preset(named: detector), spectrum: spectrum, thresholdMeV: threshold,
                     normalization: normalization, binWidthMeV: binWidth, mediatorMassMeV: mediatorMassMeV)
    }

    /// Pearson χ² of observed counts against expected ones over bins with expected ≥ 5 (bins below
    /// are merged into their neighbour), and its p-value with (bins − constraints) degrees of freedom.
    static func chiSquared(observed: [Double], expected: [Double], constraints: Int = 1) -> (chi2: Double, dof: Int, p: Double) {
        var obs: [Double] = [], exp: [Double] = []
        var o = 0.0, e = 0.0
        for k in observed.indices {
            o += observed[k]
            e += expected[k]
            if e >= 5 {
                obs.append(o); exp.append(e)
                o = 0; e = 0
            }
        }
        if e > 0, !exp.isEmpty { obs[obs.count - 1] += o; exp[exp.count - 1] += e }
        var chi2 = 0.0
        for k in obs.indices { chi2 += (obs[k] - exp[k]) * (obs[k] - exp[k]) / exp[k] }
        let dof = obs.count - constraints
        return (chi2, dof, Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(dof)))
    }

    /// Generates `events` events of `model` in `s` (2 threads), histograms the detected ones in
    /// reconstructed T, and compares them with the templates scaled to the generated count
    /// (expected_j = n_j(model) × N / n_generated(model)): Pearson χ² over all bins.
    static func recoSpectrumAgainstTemplates(_ s: Scenario, model: ScatteringModel, seed: UInt64, events n: Int)
        throws -> (summary: EventPipeline.Summary, test: (chi2: Double, dof: Int, p: Double)) {
        let templates = try s.templates()
        let pipeline = try s.pipeline(model: model, threads: 2, templates: templates)
        var histogram = Histogram(binning: s.binning, collectsOverflow: true)
        let summary = pipeline.run(seed: seed, events: n) { block in
            for e in block where e.detected { histogram.fill(e.recoRecoilMeV) }
            return true
        }
        let scale = Double(n) / templates.generated.combined(for: model)
        let expected = templates.expected(for: model).map { $0 * scale }
        return (summary, chiSquared(observed: histogram.counts, expected: expected, constraints: 0))
    }

    /// Runs a pipeline over `events` generated events and returns the detected events.
    static func detectedEvents(_ pipeline: EventPipeline, seed: UInt64, events: Int) -> (events: [Event], summary: EventPipeline.Summary) {
        var out: [Event] = []
        let summary = pipeline.run(seed: seed, events: events) { block in
            out.append(contentsOf: block.filter(\.detected))
            return true
        }
        return (out, summary)
    }
}
