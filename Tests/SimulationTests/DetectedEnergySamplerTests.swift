import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// `DetectedEnergySampler`: detected background events sampled exactly, checked against
/// distributions computed here by quadrature with erfc (independent of the sampler's envelope).
@Suite struct DetectedEnergySamplerTests {
    /// ρ(E) = E (1 − E)² on [0, 1] MeV (∫ρ = 1/12), a line of weight 0.02 at 0.55 MeV,
    /// σ(E) = 0.05 √E MeV, threshold 0.6 MeV, ε = 0.9.
    static let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.05), thresholdMeV: 0.6, efficiency: 0.9)
    static let line = DetectedEnergySampler.Line(energyMeV: 0.55, weight: 0.02)
    static func rho(_ e: Double) -> Double { e >= 0 && e <= 1 ? e * (1 - e) * (1 - e) : 0 }

    /// S(x | E) = P(E_reco ≥ x | E) for the response's Gaussian truncated at 0, written here.
    static func survival(_ x: Double, _ e: Double) -> Double {
        let s = 0.05 * e.squareRoot()
        return 0.5 * erfc((x - e) / (s * 2.0.squareRoot())) / (0.5 * erfc(-e / (s * 2.0.squareRoot())))
    }

    static func sampler() throws -> DetectedEnergySampler {
        try DetectedEnergySampler(range: 0...1, density: { rho($0) }, continuumIntegral: 1.0 / 12, lines: [line],
                                  response: response)
    }

    /// The detected fraction against ε [∫ρ S(thr|E) dE + w S(thr|E_l)] / (1/12 + w) by GSL QAG, to
    /// 10⁻⁶ (the sampler's midpoint sum over 2048 cells errs by O(h²) ≈ 10⁻⁷).
    @Test func detectedFractionAgainstQuadrature() throws {
        let continuum = try Integrator().qag({ Self.rho($0) * Self.survival(0.6, $0) }, from: 1e-9, to: 1,
                                             absoluteTolerance: 0, relativeTolerance: 1e-10).value
        let expected = 0.9 * (continuum + Self.line.weight * Self.survival(0.6, 0.55)) / (1.0 / 12 + Self.line.weight)
        let got = try Self.sampler().detectedFraction
        #expect(abs(got / expected - 1) < 1e-6, "sampler \(got), quadrature \(expected)")
    }

    /// 400 000 detected events: every E_reco ≥ threshold, and the E_reco histogram (0.6–1.2 MeV in
    /// 0.025 MeV bins, overflow in the last) against ∫ρ [S(lo) − S(hi)] + w [S(lo) − S(hi)] by
    /// quadrature, normalized to the detected total: Pearson χ², p > 10⁻³ (fixed seed).
    @Test func recoSpectrumAgainstQuadrature() throws {
        let sampler = try Self.sampler()
        let edges = stride(from: 0.6, through: 1.2 + 1e-9, by: 0.025).map { $0 }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        let stream = RandomStream(seed: 31)
        let n = 400_000
        var lineEvents = 0
        for _ in 0..<n {
            let (e, reco) = sampler.sample(stream: stream)
            #expect(reco >= 0.6)
            if e == 0.55 { lineEvents += 1 }
            let i = min(edges.count - 2, Int((reco - 0.6) / 0.025))
            counts[i] += 1
        }
        let integrator = Integrator()
        var expected: [Double] = []
        for i in 0..<(edges.count - 1) {
            let hi = i == edges.count - 2 ? Double.infinity : edges[i + 1]
            func p(_ e: Double) -> Double { Self.survival(edges[i], e) - (hi.isInfinite ? 0 : Self.survival(hi, e)) }
            let c = try integrator.qag({ Self.rho($0) * p($0) }, from: 1e-9, to: 1, absoluteTolerance: 0, relativeTolerance: 1e-10).value
            expected.append(c + Self.line.weight * p(0.55))
        }
        let total = expected.reduce(0, +)
        let test = Fixtures.chiSquared(observed: counts, expected: expected.map { $0 * Double(n) / total }, constraints: 1)
        #expect(test.p > 1e-3, "χ² = \(test.chi2) / \(test.dof)")
        // The line's share of detected events: w S(thr|0.55) / total, binomial 4σ.
        let share = Self.line.weight * Self.survival(0.6, 0.55) / total
        let sd = (share * (1 - share) / Double(n)).squareRoot()
        #expect(abs(Double(lineEvents) / Double(n) - share) < 4 * sd, "line share \(Double(lineEvents) / Double(n)) vs \(share)")
    }

    /// The Gaussian tail sampler (threshold 4.7σ above the line): the conditional mean
    /// E + σ φ(α)/(1 − Φ(α)) and the conditional P(E_reco ≥ thr + σ/4 | ≥ thr), 5σ statistical tolerance.
    @Test func tailSamplingMatchesTheTruncatedNormal() throws {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.03), thresholdMeV: 0.2, efficiency: 1)
        let e = 0.1463  // α = (0.2 − E)/σ(E) = 0.0537/0.01147 = 4.7
        let sampler = try DetectedEnergySampler(range: 0...1, density: { _ in 0 }, continuumIntegral: 0,
                                                lines: [.init(energyMeV: e, weight: 1)], response: response)
        let sigma = 0.03 * e.squareRoot(), alpha = (0.2 - e) / sigma
        let stream = RandomStream(seed: 7)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0, above = 0
        for _ in 0..<n {
            let x = sampler.sample(stream: stream).recoEnergyMeV
            sum += x
            sumSquares += x * x
            if x >= 0.2 + sigma / 4 { above += 1 }
        }
        let tail = 0.5 * erfc(alpha / 2.0.squareRoot())
        let phi = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let mean = e + sigma * phi / tail
        let sd = (sumSquares / Double(n) - pow(sum / Double(n), 2)).squareRoot() / Double(n).squareRoot()
        #expect(alpha > 3.5)
        #expect(abs(sum / Double(n) - mean) < 5 * sd, "mean \(sum / Double(n)) vs \(mean)")
        let p = 0.5 * erfc((alpha + 0.25) / 2.0.squareRoot()) / tail
        let pSD = (p * (1 - p) / Double(n)).squareRoot()
        #expect(abs(Double(above) / Double(n) - p) < 5 * pSD)
        #expect(abs(sampler.detectedFraction - tail / (0.5 * erfc(-e / (sigma * 2.0.squareRoot())))) < 1e-12)
    }

    /// n events through the batch path, in calls of 1024 as the toy generator draws them.
    static func batch(_ sampler: DetectedEnergySampler, events n: Int, seed: UInt64) -> (energies: [Double], reco: [Double]) {
        var energies = [Double](repeating: 0, count: n), reco = energies
        let stream = RandomStream(seed: seed)
        energies.withUnsafeMutableBufferPointer { e in
            reco.withUnsafeMutableBufferPointer { r in
                var done = 0
                while done < n {
                    let m = min(1024, n - done)
                    sampler.sample(count: m, stream: stream, energies: e.baseAddress! + done, recoEnergies: r.baseAddress! + done)
                    done += m
                }
            }
        }
        return (energies, reco)
    }

    /// S(x | E) = P(E_reco ≥ x | E) with the map E' = (1 + α) E [1 + β (E − E₀)/E₀] (E₀ = 5 MeV) and
    /// σ = 0.05 √E', written here from the response's definition.
    static func survival(_ x: Double, _ e: Double, scale: Double, nonLinearity: Double) -> Double {
        let v = (1 + scale) * e * (1 + nonLinearity * (e - 5) / 5)
        let s = 0.05 * v.squareRoot()
        return 0.5 * erfc((x - v) / (s * 2.0.squareRoot())) / (0.5 * erfc(-v / (s * 2.0.squareRoot())))
    }

    /// The batch path (`sample(count:…)`, 400 000 events) for ρ and the line above, with the identity
    /// and with an energy map (α = 0.04, β = 0.03): the E_reco histogram (0.6–1.2 MeV in 0.025 MeV
    /// bins, overflow in the last) and the deposited-energy histogram of the continuum (25 bins on
    /// [0, 1]) against ∫ρ [S(lo) − S(hi)] + w [S(lo) − S(hi)] and ∫_bin ρ S(thr) by quadrature, Pearson
    /// χ², p > 10⁻³ each; the line's share (binomial 4σ); every E_reco ≥ threshold (fixed seeds).
    @Test(arguments: [(0.0, 0.0), (0.04, 0.03)])
    func batchSamplingAgainstQuadrature(map: (scale: Double, nonLinearity: Double)) throws {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.05), thresholdMeV: 0.6, efficiency: 0.9,
                                        energyMap: EnergyScaleMap(scale: map.scale, nonLinearity: map.nonLinearity))
        let sampler = try DetectedEnergySampler(range: 0...1, density: { Self.rho($0) }, continuumIntegral: 1.0 / 12, lines: [Self.line],
                                                response: response)
        func survival(_ x: Double, _ e: Double) -> Double {
            Self.survival(x, e, scale: map.scale, nonLinearity: map.nonLinearity)
        }
        let n = 400_000
        let (energies, reco) = Self.batch(sampler, events: n, seed: 2026)
        let edges = stride(from: 0.6, through: 1.2 + 1e-9, by: 0.025).map { $0 }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        var trueCounts = [Double](repeating: 0, count: 25)
        var lineEvents = 0
        for (e, x) in zip(energies, reco) {
            #expect(x >= 0.6)
            counts[min(edges.count - 2, Int((x - 0.6) / 0.025))] += 1
            if e == 0.55 { lineEvents += 1 } else { trueCounts[min(24, Int(e * 25))] += 1 }
        }
        let integrator = Integrator()
        var expected: [Double] = []
        for i in 0..<(edges.count - 1) {
            let hi = i == edges.count - 2 ? Double.infinity : edges[i + 1]
            func p(_ e: Double) -> Double { survival(edges[i], e) - (hi.isInfinite ? 0 : survival(hi, e)) }
            let c = try integrator.qag({ Self.rho($0) * p($0) }, from: 1e-9, to: 1, absoluteTolerance: 0, relativeTolerance: 1e-10).value
            expected.append(c + Self.line.weight * p(0.55))
        }
        let total = expected.reduce(0, +)
        let test = Fixtures.chiSquared(observed: counts, expected: expected.map { $0 * Double(n) / total }, constraints: 1)
        #expect(test.p > 1e-3, "E_reco: χ² = \(test.chi2) / \(test.dof)")
        let trueExpected = try (0..<25).map { k in
            try integrator.qag({ Self.rho($0) * survival(0.6, $0) }, from: max(1e-9, Double(k) / 25), to: Double(k + 1) / 25,
                               absoluteTolerance: 0, relativeTolerance: 1e-10).value
        }
        let continuum = Double(n - lineEvents), trueTotal = trueExpected.reduce(0, +)
        let trueTest = Fixtures.chiSquared(observed: trueCounts, expected: trueExpected.map { $0 * continuum / trueTotal }, constraints: 1)
        #expect(trueTest.p > 1e-3, "E: χ² = \(trueTest.chi2) / \(trueTest.dof)")
        let share = Self.line.weight * survival(0.6, 0.55) / total
        let sd = (share * (1 - share) / Double(n)).squareRoot()
        #expect(abs(Double(lineEvents) / Double(n) - share) < 4 * sd, "line share \(Double(lineEvents) / Double(n)) vs \(share)")
    }

    /// The batch path in the tail regime (threshold 4.7σ above the line, where a first plain draw
    /// almost always fails and Robert's sampler draws): the conditional mean E + σ φ(α)/(1 − Φ(α)) and
    /// P(E_reco ≥ thr + σ/4 | ≥ thr), 5σ statistical tolerance, 200 000 events.
    @Test func batchTailSamplingMatchesTheTruncatedNormal() throws {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.03), thresholdMeV: 0.2, efficiency: 1)
        let e = 0.1463
        let sampler = try DetectedEnergySampler(range: 0...1, density: { _ in 0 }, continuumIntegral: 0,
                                                lines: [.init(energyMeV: e, weight: 1)], response: response)
        let sigma = 0.03 * e.squareRoot(), alpha = (0.2 - e) / sigma
        let n = 200_000
        let reco = Self.batch(sampler, events: n, seed: 17).reco
        let sum = reco.reduce(0, +), sumSquares = reco.reduce(0) { $0 + $1 * $1 }
        let above = reco.filter { $0 >= 0.2 + sigma / 4 }.count
        let tail = 0.5 * erfc(alpha / 2.0.squareRoot())
        let phi = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let mean = e + sigma * phi / tail
        let sd = (sumSquares / Double(n) - pow(sum / Double(n), 2)).squareRoot() / Double(n).squareRoot()
        #expect(reco.allSatisfy { $0 >= 0.2 })
        #expect(abs(sum / Double(n) - mean) < 5 * sd, "mean \(sum / Double(n)) vs \(mean)")
        let p = 0.5 * erfc((alpha + 0.25) / 2.0.squareRoot()) / tail
        #expect(abs(Double(above) / Double(n) - p) < 5 * (p * (1 - p) / Double(n)).squareRoot())
    }

    /// A perfect resolution through the batch path: E_reco = E, all ≥ 0.3 MeV, and the E histogram
    /// (0.3–1 MeV, 28 bins) against ∫_bin ρ by quadrature: Pearson χ², p > 10⁻³ (100 000 events).
    @Test func batchWithPerfectResolution() throws {
        let response = DetectorResponse(resolution: .perfect, thresholdMeV: 0.3, efficiency: 1)
        let sampler = try DetectedEnergySampler(range: 0...1, density: { Self.rho($0) }, continuumIntegral: 1.0 / 12, response: response)
        let n = 100_000
        let (energies, reco) = Self.batch(sampler, events: n, seed: 5)
        #expect(energies == reco)
        #expect(reco.allSatisfy { $0 >= 0.3 })
        var counts = [Double](repeating: 0, count: 28)
        for e in energies { counts[min(27, Int((e - 0.3) / 0.025))] += 1 }
        let integrator = Integrator()
        let expected = try (0..<28).map { k in
            try integrator.qag({ Self.rho($0) }, from: 0.3 + 0.025 * Double(k), to: 0.3 + 0.025 * Double(k + 1),
                               absoluteTolerance: 0, relativeTolerance: 1e-12).value
        }
        let total = expected.reduce(0, +)
        let test = Fixtures.chiSquared(observed: counts, expected: expected.map { $0 * Double(n) / total }, constraints: 1)
        #expect(test.p > 1e-3, "χ² = \(test.chi2) / \(test.dof)")
    }
}
