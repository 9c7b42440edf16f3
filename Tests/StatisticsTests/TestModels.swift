import Foundation
@testable import Statistics

/// Models shared by the tests.
enum TestModels {
    /// A single-bin counting experiment: background b (the "SM" template), signal θ per unit,
    /// normalization fixed (σₙ = 0): μ = b + θ.
    static func counting(background b: Double) -> BinnedModel {
        try! BinnedModel(standardModel: [b], parameterTerms: [[1]], normalization: GaussianConstraint(nominal: 1, sigma: 0))
    }

    /// S ∝ exp(−T/2) on [3, 12] MeV with `events` counts, new physics ∝ 1/T with
    /// `signalPerTheta` counts at θ = 1, bins of `width` MeV, σₙ = 0.7 %.
    static func smooth(events: Double, width: Double, signalPerTheta: Double = 100,
                       normalization: GaussianConstraint = .defaultNormalization) -> BinnedModel {
        let edges = SyntheticTemplates.edges(lower: 3, upper: 12, width: width)
        let sm = SyntheticTemplates.exponential(edges: edges, decayLength: 2, total: events)
        let raw = SyntheticTemplates.magneticMomentLike(edges: edges, coefficient: 1)
        let sum = raw.reduce(0, +)
        return try! BinnedModel(standardModel: sm, parameterTerms: [raw.map { $0 * signalPerTheta / sum }],
                                normalization: normalization)
    }

    /// Independent bisection for a monotone increasing f on [lo, hi].
    static func bisect(_ f: (Double) -> Double, _ lo0: Double, _ hi0: Double) -> Double {
        var lo = lo0, hi = hi0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if f(mid) < 0 { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }
}
