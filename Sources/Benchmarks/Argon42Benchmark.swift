import Foundation
import GSL
import Physics
import Simulation
import Statistics

/// Throughput of the two ⁴²Ar/⁴²K background paths of the argon study (`nue bench`), at the
/// DUNE-like defaults (92 μBq/kg, 10 kt, 5 yr, dune-lar response, threshold 1 MeV, bins of
/// 0.1 MeV up to 6 MeV):
/// - brute force: decays/s of `Argon42BruteForce` with no direction cut (c = −1, the worst case:
///   every decay is smeared);
/// - fast path: seconds for `DetectorResponse.binFractions` of the chain from scratch (visible spectrum on its
///   quadrature grid, then the erf-folded bin fractions).
public enum Argon42Benchmark {
    public struct Result: Sendable {
        public var decays: Int
        public var threads: Int
        public var seconds: Double
        public var decaysPerSecond: Double { Double(decays) / max(seconds, 1e-12) }
    }

    public static func bruteForce(decays: Int, threads: Int, seed: UInt64 = 1) throws -> Result {
        let binning = try Binning.uniform(lower: 1, upper: 6, width: 0.1)
        let brute = try Argon42BruteForce(chain: Argon42Chain(), detector: .duneLAr, thresholdMeV: 1,
                                          binning: binning, cosineCut: -1)
        let start = Date()
        _ = brute.run(decays: decays, seed: seed, threads: threads)
        return Result(decays: decays, threads: threads, seconds: Date().timeIntervalSince(start))
    }

    /// Seconds for the fast path (best of `repeats`).
    public static func fastPathSeconds(repeats: Int = 3) throws -> Double {
        let edges = try Binning.uniform(lower: 1, upper: 6, width: 0.1).edges
        let response = DetectorResponse(detector: .duneLAr, thresholdMeV: 1)
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = Date()
            let chain = Argon42Chain()
            let scale = chain.totalDecays * IsotropicDirection.fractionPassing(cosineCut: 0.5)
            _ = try response.binFractions(of: try chain.visibleSpectrum(), edges: edges).map { $0 * scale }
            best = min(best, Date().timeIntervalSince(start))
        }
        return best
    }
}
