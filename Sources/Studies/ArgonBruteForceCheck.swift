import Foundation
import GSL
import Physics
import Simulation

/// Brute force against fast path for the ⁴²Ar/⁴²K background of a configuration: streams
/// `decays` decays (default: every decay of the live time, N = (1 + f_bulk) A M t / R) through
/// `Argon42BruteForce` and compares the histogram of reconstructed energy after the threshold
/// and the cut cos θ_reco > c with the fast path N P_i (1 − c)/2 (`VisibleEnergySpectrum`):
/// Pearson χ² over the bins expecting ≥ 5 counts (the rest merged into one bin), p = Q(χ², ndf).
public enum ArgonBruteForceCheck {
    /// The comparison (snake_case keys for JSON).
    public struct Report: Codable, Sendable, Equatable {
        public var decays: Int
        public var threads: Int
        public var seconds: Double
        public var decays_per_second: Double
        public var cos_cut: Double
        public var counted: Int
        public var expected: Double
        public var chi2: Double
        public var ndf: Int
        public var p_value: Double
        public var counts: [Int]
        public var fast_path: [Double]
    }

    /// Most decays one brute-force check streams (10¹³: 30× the five-year total at the DUNE
    /// activity, about a week at 1.7×10⁷ decays/s on two cores).
    public static let maximumDecays = 1e13

    public static func run(analysis: ArgonAnalysis, config: ArgonConfiguration, cosineCut c: Double, decays: Int? = nil,
                           seed: UInt64, threads: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Report {
        try config.validate(kinematicLimitMeV: analysis.kinematicLimitMeV)
        let binning = try analysis.signalTemplates(config, cosineCut: -1).binning
        let chain = config.chain
        let requested = decays.map(Double.init) ?? chain.totalDecays.rounded()
        guard requested >= 1, requested <= maximumDecays else {
            throw StudyError("the brute force would stream \(requested) decays; it takes 1 to \(maximumDecays) "
                                  + "(give a count of decays, or a smaller activity or live time)")
        }
        let n = Int(requested)
        let brute = try Argon42BruteForce(chain: chain, detector: config.detector, thresholdMeV: config.thresholdMeV,
                                          binning: binning, cosineCut: c)
        let start = Date()
        let result = brute.run(decays: n, seed: seed, threads: threads, progress: progress)
        let seconds = Date().timeIntervalSince(start)
        let scale = Double(n) / chain.totalDecays * IsotropicDirection.fractionPassing(cosineCut: c)
        let fast = try analysis.backgroundCounts(config, binning: binning).map { $0 * scale }
        let (chi2, ndf) = pearson(counts: result.counts, expected: fast)
        return Report(decays: n, threads: threads, seconds: seconds, decays_per_second: Double(n) / max(seconds, 1e-9),
                      cos_cut: c, counted: result.counts.reduce(0, +), expected: fast.reduce(0, +), chi2: chi2, ndf: ndf,
                      p_value: ndf > 0 ? Distributions.chiSquaredSurvival(chi2, degreesOfFreedom: Double(ndf)) : 1,
                      counts: result.counts, fast_path: fast)
    }

    /// Pearson χ² = Σ (n − μ)²/μ over bins with μ ≥ 5, the others merged; ndf = bins used.
    public static func pearson(counts: [Int], expected: [Double]) -> (chi2: Double, ndf: Int) {
        var chi2 = 0.0, ndf = 0, restN = 0.0, restMu = 0.0
        for (k, mu) in zip(counts, expected) {
            if mu >= 5 {
                chi2 += (Double(k) - mu) * (Double(k) - mu) / mu
                ndf += 1
            } else {
                restN += Double(k)
                restMu += mu
            }
        }
        if restMu >= 5 {
            chi2 += (restN - restMu) * (restN - restMu) / restMu
            ndf += 1
        }
        return (chi2, ndf)
    }
}
