import Foundation
import GSL
import Physics
import Testing
@testable import Simulation

/// The brute-force ⁴²Ar/⁴²K path against the analytic fast path, and its determinism.
@Suite struct Argon42BruteForceTests {
    static let binning = try! Binning.uniform(lower: 1, upper: 6, width: 0.1)

    /// N decays through the sampler and the simulator (threshold 1 MeV, cos θ_reco > 0.5) against
    /// N P_i (1 − c)/2 with P_i from `DetectorResponse.binFractions` (the same response type as the
    /// simulator: Gaussian truncated at E_reco > 0, last bin with the overflow): Pearson χ², p > 1e-3, on N = 10⁸ decays (≈ 28 s
    /// in debug on the 2-core VM, after the mt19937 fast path).
    @Test func bruteForceMatchesFastPath() throws {
        let chain = Argon42Chain()
        let detector = Detector.duneLAr
        let n = 100_000_000
        let brute = try Argon42BruteForce(chain: chain, detector: detector, thresholdMeV: 1, binning: Self.binning, cosineCut: 0.5)
        let result = brute.run(decays: n, seed: 42, threads: 2)
        #expect(result.decays == n)
        let response = DetectorResponse(detector: detector, thresholdMeV: 1)
        let fast = try response.binFractions(of: try chain.visibleSpectrum(), edges: Self.binning.edges)
            .map { $0 * Double(n) * 0.5 * (1 - 0.5) }
        let test = Fixtures.chiSquared(observed: result.counts.map(Double.init), expected: fast, constraints: 0)
        #expect(test.p > 1e-3, "χ² = \(test.chi2) / \(test.dof)")
        // The direction cut keeps (1 − c)/2 of all decays (binomial, 4σ).
        let p = 0.25, err = (p * (1 - p) / Double(n)).squareRoot()
        #expect(abs(Double(result.passedDirection) / Double(n) - p) < 4 * err)
    }

    /// Same seed, 1 or 2 threads (and a block size that does not divide N): identical histograms.
    @Test func deterministicForAnyThreadCount() throws {
        let brute = try Argon42BruteForce(chain: Argon42Chain(potassiumBulkFraction: 0.2), detector: Detector.duneLAr,
                                          thresholdMeV: 1, binning: Self.binning, cosineCut: 0, blockSize: 50_000)
        let one = brute.run(decays: 1_234_567, seed: 9, threads: 1)
        let two = brute.run(decays: 1_234_567, seed: 9, threads: 2)
        let three = brute.run(decays: 1_234_567, seed: 9, threads: 3)
        #expect(one == two)
        #expect(one == three)
        #expect(one != brute.run(decays: 1_234_567, seed: 10, threads: 2))
        #expect(brute.run(decays: 0, seed: 9).counts.allSatisfy { $0 == 0 })
    }
}
