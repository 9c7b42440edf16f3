import Foundation
import NueTestSupport
import Testing
@testable import Physics
@testable import Simulation

/// The response pieces of the argon backgrounds (docs/physics.md §15): the ⁴⁰Ar(n, γ) line after
/// folding, point masses against the density fold, and the solar directional acceptance.
@Suite struct ArgonBackgroundResponseTests {
    /// The 6.0989 MeV line through the dune-lar response on 0.02 MeV bins: all of it above 3 MeV, its
    /// mean at 6.0989 MeV (2×10⁻³ MeV: bin centres) and its RMS at σ(6.0989) = √(0.45² E + 0.03² E²).
    @Test func neutronCaptureLineAfterFolding() {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.45, constant: 0.03), thresholdMeV: 0.5, efficiency: 1)
        let edges = stride(from: 0.5, through: 14.0, by: 0.02).map { $0 }
        let e = EnergyLine.argon40NeutronCaptureEnergy
        let counts = response.binCounts(energies: [e], weights: [1000], edges: edges + [100])
        let total = counts.reduce(0, +)
        #expect(abs(total / 1000 - 1) < 1e-5)
        let centres = zip(edges, edges.dropFirst() + [100]).map { ($0 + $1) / 2 }
        let mean = zip(centres, counts).dropLast().reduce(0) { $0 + $1.0 * $1.1 } / counts.dropLast().reduce(0, +)
        let rms = (zip(centres, counts).dropLast().reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) * $1.1 } / counts.dropLast().reduce(0, +)).squareRoot()
        let sigma = (0.45 * 0.45 * e + 0.03 * 0.03 * e * e).squareRoot()
        #expect(abs(mean - e) < 2e-3, "\(mean)")
        #expect(abs(rms / sigma - 1) < 2e-3, "\(rms) vs \(sigma)")
        let peak = counts.indices.max { counts[$0] < counts[$1] }!
        #expect(edges[peak] <= e + 0.02 && edges[peak] >= e - 0.04)
    }

    /// Many point masses on a fine grid fold like the smooth density they sample (10⁻⁴).
    @Test func pointMassesMatchTheDensityFold() throws {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.45, constant: 0.03), thresholdMeV: 2, efficiency: 1)
        let edges = stride(from: 2.0, through: 8.0, by: 0.5).map { $0 }
        let f: (Double) -> Double = { e in e > 1 && e < 6 ? (e - 1) * (6 - e) : 0 }
        let h = 1e-3
        let xs = stride(from: 1 + h / 2, to: 6, by: h).map { $0 }
        let points = response.binCounts(energies: xs, weights: xs.map { f($0) * h }, edges: edges)
        let smooth = try response.binCounts(density: f, from: 1, to: 6, edges: edges)
        for (a, b) in zip(points, smooth) where b > 1e-3 { #expect(abs(a / b - 1) < 1e-4, "\(a) vs \(b)") }
    }

    /// No cut: h ≡ 1. Along the neutrino (v = 1): h(1) = Σ_k p_k P(c | u_k), written out here. The
    /// direction-only bound: 0 ≤ h ≤ 1.
    @Test func solarAcceptance() throws {
        let sun = try SolarDirection(latitudeDegrees: 44.35, axisAzimuthDegrees: 90)
        let none = try SolarDirectionalAcceptance(direction: sun, cut: try DirectionalCut(resolutionDegrees: 30, cosineCut: -1))
        #expect(none.table.allSatisfy { abs($0 - 1) < 1e-12 })
        let cut = try DirectionalCut(resolutionDegrees: 30, cosineCut: 0.6)
        let h = try SolarDirectionalAcceptance(direction: sun, cut: cut)
        let n = sun.probabilities.count
        var expected = 0.0
        for (k, p) in sun.probabilities.enumerated() { expected += p * cut.passingProbability(trueCosine: -1 + (Double(k) + 0.5) * 2 / Double(n)) }
        #expect(abs(h.acceptance(electronCosine: 1) / expected - 1) < 1e-9)
        #expect(h.table.allSatisfy { $0 >= 0 && $0 <= 1 })
    }
}
