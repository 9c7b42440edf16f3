import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// The one detector response (`DetectorResponse`): its folding side (bin probabilities) and its
/// simulation side (sampling, threshold, efficiency) agree, and the truncation/overflow convention
/// matches a hand calculation.
@Suite struct DetectorResponseTests {
    /// σ = 0.2 MeV everywhere (noise term only), T = 0.2 MeV, edges [0, 0.2, 0.4]:
    /// Φ(1) = 0.8413447460685429, Φ(0) = 1/2, Φ(−1) = 0.15865525393145707 (A&S Table 26.1), so
    /// P₀ = (Φ(0) − Φ(−1))/Φ(1) = 0.34134/0.84134 = 0.405713, and the last bin with the
    /// overflow P₁ = (1 − Φ(0))/Φ(1) = 0.594287; without truncation the mass below 0 would be
    /// Φ(−1) = 15.9 % and without overflow P₁ would be (Φ(1) − Φ(0))/Φ(1) = 0.405713.
    @Test func truncationAndOverflowByHand() {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0, noiseMeV: 0.2), thresholdMeV: 0, efficiency: 1)
        let phi1 = 0.8413447460685429, phi0 = 0.5, phiM1 = 0.15865525393145707
        var p = [0.0, 0.0], tails = [0.0, 0.0, 0.0]
        response.binProbabilities(trueEnergyMeV: 0.2, edges: [0, 0.2, 0.4], into: &p, tails: &tails)
        #expect(abs(p[0] - (phi0 - phiM1) / phi1) < 1e-15)
        #expect(abs(p[1] - (1 - phi0) / phi1) < 1e-15)
        #expect(abs(p[0] - 0.40571329133) < 1e-10 && abs(p[1] - 0.59428670867) < 1e-10)
        #expect(abs(p[0] + p[1] - 1) < 1e-15)
        // The scalar form and the range form say the same.
        #expect(response.binProbability(0, trueEnergyMeV: 0.2, edges: [0, 0.2, 0.4]) == p[0])
        #expect(response.binProbability(1, trueEnergyMeV: 0.2, edges: [0, 0.2, 0.4]) == p[1])
        #expect(abs(response.probability(recoFrom: 0.2, to: .infinity, trueRecoilMeV: 0.2) - p[1]) < 1e-15)
        // Against GSL's Φ (an independent implementation) at another point: T = 1, σ(1) = √(0.45² + 0.03²).
        let lar = DetectorResponse(detector: .duneLAr, thresholdMeV: 1)
        let s = lar.resolution.sigmaMeV(at: 1)
        let edges = [0.5, 1.0, 1.5, 2.0]
        var q = [0.0, 0.0, 0.0], scratch = [0.0, 0.0, 0.0, 0.0]
        lar.binProbabilities(trueEnergyMeV: 1, edges: edges, into: &q, tails: &scratch)
        let norm = Distributions.normalCDF(1 / s)
        for i in 0..<3 {
            let upper = i == 2 ? 1 : Distributions.normalCDF((edges[i + 1] - 1) / s)
            #expect(abs(q[i] - (upper - Distributions.normalCDF((edges[i] - 1) / s)) / norm) < 1e-14, "bin \(i)")
        }
        #expect(abs(lar.probabilityAboveThreshold(trueEnergyMeV: 1) - (1 - Distributions.normalCDF(0)) / norm) < 1e-15)
        // Perfect resolution: the bin of T, the last bin for T above the range, none below it.
        let perfect = DetectorResponse(resolution: .perfect, thresholdMeV: 0.5, efficiency: 1)
        for (t, bin) in [(0.7, 0), (1.2, 1), (9.0, 2), (0.3, -1)] {
            perfect.binProbabilities(trueEnergyMeV: t, edges: edges, into: &q, tails: &scratch)
            #expect(q == (0..<3).map { $0 == bin ? 1 : 0 }, "T = \(t)")
        }
    }

    /// 10⁶ electrons of T = 1 MeV through the simulation side (`DetectorSimulator` → sample,
    /// threshold 0.25 MeV, efficiency 0.8; seed 2026) histogrammed with the overflow convention,
    /// against N ε P_i from the folding side of the same response: Pearson χ² (bins merged to ≥ 5
    /// expected), p > 10⁻³. σ(1 MeV) = 0.451 MeV, so Φ(T/σ) = 0.987: 1.3 % of the draws are redrawn
    /// and the last bin (T_reco ≥ 2.25) holds 0.3 % of the events: both conventions are exercised.
    @Test func simulationAgreesWithFolding() throws {
        var detector = Detector.duneLAr
        detector.efficiency = 0.8
        detector.directionResolutionDegrees = nil
        let simulator = DetectorSimulator(detector: detector, thresholdMeV: 0.25)
        let binning = try Binning.uniform(lower: 0.25, upper: 2.25, width: 0.125)
        let n = 1_000_000, t = 1.0
        let stream = RandomStream(seed: 2026, index: 0)
        var histogram = Histogram(binning: binning, collectsOverflow: true)
        var event = Event()
        var detected = 0
        for _ in 0..<n {
            event.recoilMeV = t
            simulator.simulate(&event, stream: stream)
            if event.detected { histogram.fill(event.recoRecoilMeV); detected += 1 }
        }
        #expect(histogram.outside == 0)
        let response = simulator.response
        var p = [Double](repeating: 0, count: binning.count), tails = binning.edges
        response.binProbabilities(trueEnergyMeV: t, edges: binning.edges, into: &p, tails: &tails)
        let expected = p.map { Double(n) * response.efficiency * $0 }
        let test = Fixtures.chiSquared(observed: histogram.counts, expected: expected, constraints: 0)
        #expect(test.dof >= 15)
        #expect(test.p > 1e-3, "χ² = \(test.chi2) / \(test.dof), p = \(test.p)")
        // The detected total: N ε P(T_reco ≥ threshold), binomial 4σ.
        let pass = response.efficiency * response.probabilityAboveThreshold(trueEnergyMeV: t)
        #expect(abs(Double(detected) - Double(n) * pass) < 4 * (Double(n) * pass * (1 - pass)).squareRoot())
        print("DetectorResponse agreement: χ² = \(test.chi2) / \(test.dof), p = \(test.p); detected \(detected) vs \(Double(n) * pass)")
    }

    /// ⁴²Ar/⁴²K through the response fold: the truncated Gaussian keeps every decay (Σ P_i over
    /// [0, ∞) = 1, the last bin taking the overflow), while the plain Gaussian of
    /// `VisibleEnergySpectrum.smearedFraction` loses the tail below 0 (large at σ = 0.45√E).
    @Test func foldOfTheArgonSpectrumKeepsEveryDecay() throws {
        let spectrum = try Argon42Chain().visibleSpectrum()
        let response = DetectorResponse(detector: .duneLAr, thresholdMeV: 0)
        let all = try response.binFractions(of: spectrum, edges: [0, 1, 2, 3])
        #expect(abs(all.reduce(0, +) - 1) < 1e-8)
        let plain = try spectrum.smearedFraction(from: 0) { response.resolution.sigmaMeV(at: max(0, $0)) }
        #expect(plain < 0.97)
        #expect(throws: SimulationError.self) { try response.binFractions(of: spectrum, edges: [-1, 1]) }
    }

    /// The overflow index: the largest i with edges[i] ≤ x; nil below the first edge and for NaN.
    @Test func overflowIndex() throws {
        let b = try Binning(edges: [1, 2, 4])
        for (x, i) in [(1.0, 0), (1.99, 0), (2.0, 1), (3.9, 1), (4.0, 1), (100.0, 1)] { #expect(b.indexWithOverflow(of: x) == i, "\(x)") }
        #expect(b.indexWithOverflow(of: 0.99) == nil && b.indexWithOverflow(of: .nan) == nil)
    }
}
