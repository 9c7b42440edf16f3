import Foundation
import GSL
import Physics
import Simulation
import Statistics

/// Throughput of the toy fitter on a KamLAND-like magnetic-moment model (> 3 MeV, 0.25 MeV
/// bins on [3, 12.5] MeV, 3 000 SM events with shape ∝ exp(−T/2.5 MeV), new-physics term
/// ∝ (1/T − 1/10 MeV) clipped at 0, normalization constrained to 0.7 %).
///
/// - toy fits per second: one fit = one profiled likelihood minimization (θ̂ ≥ 0 with n
///   profiled) of one Poisson toy data set, generation included;
/// - toy limits per second: one limit = that fit plus the upper-limit crossing q(θ) = 1.6424.
/// pyhf 0.7 (NumPy) does about 400 toy hypothesis tests per second on this model.
public enum FitterBenchmark {
    public struct Result: Sendable, Codable {
        public var threads: Int
        public var toys: Int
        public var toyFitsPerSecond: Double
        public var toyLimitsPerSecond: Double
        public var failedFits: Int
    }

    /// The benchmark model (θ in units where θ = 1 adds 300 events above 3 MeV). With
    /// `backgrounds`, three components of the size the KamLAND > 3 MeV preset gives (issue 12):
    /// an exponential of decay length 1 MeV (²⁰⁸Tl-like, 4 000 events, σ 50 %), a harder one of 4 MeV
    /// (¹²B-like, 3 000 events, σ 50 %) and one shaped like the signal (⁸B-like, 1 500 events, σ 4 %).
    public static func kamlandLikeModel(events: Double = 3000, binWidth: Double = 0.25, backgrounds: Bool = false) throws -> BinnedModel {
        let edges = SyntheticTemplates.edges(lower: 3, upper: 12.5, width: binWidth)
        let sm = SyntheticTemplates.exponential(edges: edges, decayLength: 2.5, total: events)
        let raw = SyntheticTemplates.magneticMomentLike(edges: edges, cutoff: 10, coefficient: 1)
        let sum = raw.reduce(0, +)
        let components: [BackgroundComponent] = backgrounds ? [
            BackgroundComponent(name: "tl208-like", template: SyntheticTemplates.exponential(edges: edges, decayLength: 1, total: 4000),
                                constraint: GaussianConstraint(nominal: 1, sigma: 0.5)),
            BackgroundComponent(name: "b12-like", template: SyntheticTemplates.exponential(edges: edges, decayLength: 4, total: 3000),
                                constraint: GaussianConstraint(nominal: 1, sigma: 0.5)),
            BackgroundComponent(name: "b8-like", template: SyntheticTemplates.exponential(edges: edges, decayLength: 2.5, total: 1500),
                                constraint: GaussianConstraint(nominal: 1, sigma: 0.04)),
        ] : []
        return try BinnedModel(standardModel: sm, parameterTerms: [raw.map { $0 * 300 / sum }], backgrounds: components)
    }

    /// Runs `toys` toy fits and `toys` toy limits on `threads` threads (with three backgrounds when `backgrounds`).
    public static func run(threads: Int = 1, toys: Int = 200_000, seed: UInt64 = 1, backgrounds: Bool = false) throws -> Result {
        let model = try kamlandLikeModel(backgrounds: backgrounds)
        let fits = try ToyConfiguration.profiled(model: model, seed: seed, computesUpperLimit: false)
        let limits = try ToyConfiguration.profiled(model: model, seed: seed, scale: fits.scale, computesUpperLimit: true)
        func time(_ configuration: ToyConfiguration) throws -> (Double, Int) {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = try ToyRunner(configuration: configuration).run(totalToys: toys, threads: threads)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            return (Double(toys) / seconds, results.filter { $0.status == .failed }.count)
        }
        let (fitRate, fitFailures) = try time(fits)
        let (limitRate, limitFailures) = try time(limits)
        return Result(threads: threads, toys: toys, toyFitsPerSecond: fitRate, toyLimitsPerSecond: limitRate,
                      failedFits: fitFailures + limitFailures)
    }
}
