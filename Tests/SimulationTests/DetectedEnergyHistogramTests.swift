import CKernels
import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// `DetectedEnergySampler.histogram(events:…)`: detected background events drawn entry by entry
/// (multinomial split of the proposals, C kernel with and without AVX2, rejected caps replaced),
/// checked against quadrature written in `DetectedEnergySamplerTests`, and `XoshiroLanes` against
/// an independent implementation.
@Suite struct DetectedEnergyHistogramTests {
    typealias Reference = DetectedEnergySamplerTests
    static let edges = stride(from: 0.6, through: 1.2 + 1e-9, by: 0.025).map { $0 }

    /// The expected share of each bin (the last taking the overflow) for ρ and the line with an
    /// energy map E' = E (1 + α + β E) (identity for α = β = 0), by quadrature.
    static func expectedShares(scale: Double, nonLinearity: Double) throws -> [Double] {
        func survival(_ x: Double, _ e: Double) -> Double {
            Reference.survival(x, e, scale: scale, nonLinearity: nonLinearity)
        }
        let integrator = Integrator()
        var expected: [Double] = []
        for i in 0..<(edges.count - 1) {
            let hi = i == edges.count - 2 ? Double.infinity : edges[i + 1]
            func p(_ e: Double) -> Double { survival(edges[i], e) - (hi.isInfinite ? 0 : survival(hi, e)) }
            let c = try integrator.qag({ Reference.rho($0) * p($0) }, from: 1e-9, to: 1, absoluteTolerance: 0,
                                       relativeTolerance: 1e-10).value
            expected.append(c + Reference.line.weight * p(Reference.line.energyMeV))
        }
        let total = expected.reduce(0, +)
        return expected.map { $0 / total }
    }

    static func sampler(scale: Double, nonLinearity: Double) throws -> DetectedEnergySampler {
        let response = DetectorResponse(resolution: EnergyResolution(stochastic: 0.05), thresholdMeV: 0.6, efficiency: 0.9,
                                        energyMap: EnergyScaleMap(scale: scale, nonLinearity: nonLinearity))
        return try DetectedEnergySampler(range: 0...1, density: { Reference.rho($0) }, continuumIntegral: 1.0 / 12,
                                         lines: [Reference.line], response: response)
    }

    /// 400 000 detected events, with the identity map (the C kernel) and with α = 0.04, β = 0.03
    /// (event by event): every event binned (the first edge is the threshold, so the total is the
    /// count asked for, rejected caps included), and the histogram against the quadrature shares:
    /// Pearson χ² with p > 10⁻³ (fixed seed; 23 degrees of freedom).
    @Test(arguments: [(0.0, 0.0), (0.04, 0.03)])
    func histogramAgainstQuadrature(map: (scale: Double, nonLinearity: Double)) throws {
        let sampler = try Self.sampler(scale: map.scale, nonLinearity: map.nonLinearity)
        let n = 400_000
        let counts = sampler.histogram(events: n, seed: 41, edges: Self.edges)
        #expect(counts.reduce(0, +) == n)
        let shares = try Self.expectedShares(scale: map.scale, nonLinearity: map.nonLinearity)
        let chi2 = zip(counts, shares).reduce(0.0) { $0 + pow(Double($1.0) - Double(n) * $1.1, 2) / (Double(n) * $1.1) }
        let p = Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(shares.count - 1))
        #expect(p > 1e-3, "χ² = \(chi2) for \(shares.count - 1) dof, p = \(p)")
    }

    /// The AVX2 and the one-event-per-step paths of the kernel (and of `XoshiroLanes`) give the same
    /// counts, for 1 and 2 threads; a different seed gives different counts. (Without AVX2 on the
    /// machine both calls take the scalar path and agree trivially; the CI machines have it.)
    @Test func vectorAndScalarPathsAgree() throws {
        let sampler = try Self.sampler(scale: 0, nonLinearity: 0)
        for seed: UInt64 in [5, 6] {
            let vector = sampler.histogram(events: 100_003, seed: seed, edges: Self.edges, threads: 1, vectorized: true)
            #expect(sampler.histogram(events: 100_003, seed: seed, edges: Self.edges, threads: 2, vectorized: false) == vector)
            #expect(sampler.histogram(events: 100_003, seed: seed, edges: Self.edges, threads: 2, vectorized: true) == vector)
        }
        #expect(sampler.histogram(events: 1000, seed: 1, edges: Self.edges) != sampler.histogram(events: 1000, seed: 2, edges: Self.edges))
    }

    /// Binning at the edges: with a perfect resolution E_reco = E, so lines at an edge, just below one
    /// and just above one put every event in the bin `Binning.indexWithOverflow` gives that energy
    /// (the kernel's comparisons and the completion's scan agree with the bisection at the edges);
    /// on both instruction sets, every event counted.
    @Test func linesOnTheEdgesFallInTheirBins() throws {
        let response = DetectorResponse(resolution: .perfect, thresholdMeV: 0.6, efficiency: 1)
        let energies = [Self.edges[2], Self.edges[5].nextDown, Self.edges[7].nextUp, Self.edges[Self.edges.count - 1]]
        let sampler = try DetectedEnergySampler(range: 0...1, density: { _ in 0 }, continuumIntegral: 0,
                                                lines: energies.map { .init(energyMeV: $0, weight: 1) }, response: response)
        let allowed = Set(energies.compactMap { Binning.indexWithOverflow(of: $0, edges: Self.edges) })
        #expect(allowed.count == 4)
        for vectorized in [false, true] {
            let counts = sampler.histogram(events: 4000, seed: 3, edges: Self.edges, vectorized: vectorized)
            #expect(counts.reduce(0, +) == 4000)
            for (i, n) in counts.enumerated() where n > 0 { #expect(allowed.contains(i), "bin \(i) holds \(n)") }
        }
    }

    /// The kernel's wedge test (`nue_entry_complete`): 100 000 words that fail the ziggurat's core
    /// test in layers 1…255 (layer, sign and j ∈ [limit_i, 2²³) drawn here), completed with σ = 1 at
    /// E = 0 so that E_reco is z (the fast range empty: every event comes back). A word of layer i is
    /// x uniform on [a_i, b_i) = [limit_i, 2²³) · step_i, accepted with probability (f(x) − f_i) /
    /// (f_{i+1} − f_i) (f = e^{−x²/2}, f_i the layer's heights). By quadrature per layer: P(accept)
    /// and the mean and variance of |z| when accepted. The accepted count against Σ P (binomial σ),
    /// the sum of accepted |z| against Σ mean (its σ), both within 4σ; every accepted z has the
    /// word's sign and lies in [a_i, b_i]; no word of layer ≥ 1 comes back as layer 0's.
    @Test func wedgeTestOfTheCompletionFollowsTheGaussian() throws {
        let zig = ZigguratGaussian.shared
        let step = zig.signedStepTable, limit = zig.coreLimitTable, height = zig.heightTable
        let integrator = Integrator()
        var acceptance = [Double](repeating: 0, count: 256), mean = acceptance, variance = acceptance
        for i in 1..<256 {
            let a = Double(limit[i]) * step[i], b = 8_388_608 * step[i], lo = height[i], hi = height[i + 1]
            func w(_ x: Double) -> Double { (exp(-0.5 * x * x) - lo) / (hi - lo) }
            let p = try integrator.qag(w, from: a, to: b).value
            let m1 = try integrator.qag({ $0 * w($0) }, from: a, to: b).value / p
            let m2 = try integrator.qag({ $0 * $0 * w($0) }, from: a, to: b).value / p
            acceptance[i] = p / (b - a)
            mean[i] = m1
            variance[i] = m2 - m1 * m1
        }
        let stream = RandomStream(seed: 77)
        let n = 100_000, batch = 256
        var words = [UInt32](repeating: 0, count: batch), extra = words, visible = [Double](repeating: 0, count: batch), reco = visible
        var flagged = [Int32](repeating: 0, count: batch), rest = flagged, kinds = [UInt8](repeating: 0, count: batch)
        var values = [Double](repeating: 0, count: batch), sigmas = values, local = [Int64](repeating: 0, count: 16)
        let edges = [0.0, 1.0]
        var expectedAccepted = 0.0, acceptedVariance = 0.0, accepted = 0, sumOfX = 0.0, expectedSum = 0.0, sumVariance = 0.0
        var wrong = 0, layerZero = 0
        try edges.withUnsafeBufferPointer { e in
            var constants = nue_entry_constants(
                lowerEnergy: 0, width: 0, isLine: 1, a2: 0, b2: 0, c2: 1, fastLow: .infinity, fastHigh: .infinity,
                edges: e.baseAddress!, first: 0, final: 0, signedStep: step, coreLimit: limit, height: height)
            for _ in 0..<(n / batch) {
                for k in 0..<batch {
                    let layer = 1 + UInt32(stream.uniform() * 255)
                    let sign = UInt32(stream.nextWord() & 1)
                    let j = limit[Int(layer)] + UInt32(stream.uniform() * Double(8_388_608 - limit[Int(layer)]))
                    words[k] = j << 9 | sign << 8 | layer
                    extra[k] = UInt32(truncatingIfNeeded: stream.nextWord())
                }
                let nf = nue_entry_batch(&constants, Int64(batch), words, &visible, &reco, &local, &flagged, 0)
                try #require(nf == Int64(batch))
                let nr = nue_entry_complete(&constants, Int64(batch), words, visible, nf, flagged, extra, &local,
                                            &rest, &kinds, &values, &sigmas)
                try #require(nr == Int64(batch))
                for f in 0..<batch {
                    let word = words[Int(rest[f])], layer = Int(word & 0xFF)
                    expectedAccepted += acceptance[layer]
                    acceptedVariance += acceptance[layer] * (1 - acceptance[layer])
                    switch Int32(kinds[f]) {
                    case Int32(NUE_RECO_KNOWN):
                        let z = values[f], x = abs(z)
                        accepted += 1
                        sumOfX += x
                        expectedSum += mean[layer]
                        sumVariance += variance[layer]
                        let a = Double(limit[layer]) * step[layer], b = 8_388_608 * step[layer]
                        if (z < 0) != (word & 0x100 != 0) || x < a || x > b || sigmas[f] != 1 { wrong += 1 }
                    case Int32(NUE_FIRST_WORD): layerZero += 1
                    default: break
                    }
                }
            }
        }
        #expect(wrong == 0)
        #expect(layerZero == 0)
        #expect(abs(Double(accepted) - expectedAccepted) <= 4 * acceptedVariance.squareRoot(),
                "accepted \(accepted), expected \(expectedAccepted) ± \(acceptedVariance.squareRoot())")
        #expect(abs(sumOfX - expectedSum) <= 4 * sumVariance.squareRoot(),
                "Σ|z| \(sumOfX), expected \(expectedSum) ± \(sumVariance.squareRoot())")
    }

    /// The multinomial split: the counts sum to the events asked for; over the entries with
    /// N p_k ≥ 5 the Pearson χ² has p > 10⁻³, and the entries with N p_k < 5 together hold their
    /// summed mean within 5σ (binomial σ).
    @Test func entryCountsAreMultinomial() throws {
        let sampler = try Self.sampler(scale: 0, nonLinearity: 0)
        let n = 2_000_000
        let counts = sampler.entryCounts(events: n, stream: RandomStream(seed: 8))
        #expect(counts.reduce(0, +) == n)
        let total = sampler.entryWeights.reduce(0, +)
        var chi2 = 0.0, dof = -1, smallCount = 0.0, smallShare = 0.0
        for (k, w) in sampler.entryWeights.enumerated() {
            let mean = Double(n) * w / total
            if mean >= 5 {
                chi2 += pow(Double(counts[k]) - mean, 2) / mean
                dof += 1
            } else {
                smallCount += Double(counts[k])
                smallShare += w / total
            }
        }
        #expect(Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(dof)) > 1e-3, "χ² = \(chi2) for \(dof) dof")
        let smallMean = Double(n) * smallShare
        #expect(abs(smallCount - smallMean) <= 5 * (smallMean * (1 - smallShare)).squareRoot(), "\(smallCount) vs \(smallMean)")
    }

    /// xoshiro256++ against a separate implementation (Python, integers mod 2⁶⁴, written from the
    /// authors' reference code; SeedSequence re-implemented there): the first 20 words for seed 7,
    /// index 3, with and without AVX2, and the same words whatever the chunking in steps of 8.
    @Test func xoshiroLanesMatchTheReference() {
        let reference: [UInt32] = [1780411749, 2405761338, 1363428367, 605672806, 2594477013, 1306454668, 3476967325, 790112755,
                                   3533251429, 3230122533, 622447433, 21833103, 2968622395, 1008279445, 2670498898, 2629733142,
                                   3902273256, 2526659434, 3113932166, 1610027027]
        for vectorized in [false, true] {
            var lanes = XoshiroLanes(seed: 7, index: 3)
            lanes.vectorized = vectorized
            var words = [UInt32](repeating: 0, count: 24)
            words.withUnsafeMutableBufferPointer { lanes.fill($0.baseAddress!, count: 20) }
            #expect(Array(words[0..<20]) == reference, "vectorized \(vectorized)")
            var chunked = XoshiroLanes(seed: 7, index: 3)
            chunked.vectorized = vectorized
            var first = [UInt32](repeating: 0, count: 8), rest = [UInt32](repeating: 0, count: 12)
            first.withUnsafeMutableBufferPointer { chunked.fill($0.baseAddress!, count: 8) }
            rest.withUnsafeMutableBufferPointer { chunked.fill($0.baseAddress!, count: 12) }
            #expect(first + rest == reference)
        }
    }
}
