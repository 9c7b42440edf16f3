import Foundation

/// Smooth synthetic templates integrated analytically into bins, for tests and benchmarks
/// (the real templates come from the Simulation module).
public enum SyntheticTemplates {
    /// Bin edges from `lower` to `upper` (MeV) in steps of `width` (the last bin may be shorter).
    public static func edges(lower: Double, upper: Double, width: Double) -> [Double] {
        var e: [Double] = []
        var k = 0
        while true {
            let x = lower + Double(k) * width
            if x >= upper - 1e-9 * width { break }
            e.append(x)
            k += 1
        }
        e.append(upper)
        return e
    }

    /// ∫ exp(−T/λ) dT over each bin, scaled to `total` counts: an SM-like falling spectrum.
    public static func exponential(edges: [Double], decayLength lambda: Double, total: Double) -> [Double] {
        let raw = zip(edges, edges.dropFirst()).map { lambda * (exp(-$0 / lambda) - exp(-$1 / lambda)) }
        let sum = raw.reduce(0, +)
        return raw.map { $0 * total / sum }
    }

    /// ∫ max(0, 1/T − 1/E) dT over each bin (the magnetic-moment shape for one neutrino energy
    /// E, Vogel & Engel, PRD 39, 3378 (1989)), times `coefficient`; E = ∞ gives ∫ dT/T.
    public static func magneticMomentLike(edges: [Double], cutoff energy: Double = .infinity, coefficient: Double) -> [Double] {
        zip(edges, edges.dropFirst()).map { lo, hi in
            let top = min(hi, energy)
            guard top > lo else { return 0 }
            let integral = log(top / lo) - (energy.isFinite ? (top - lo) / energy : 0)
            return coefficient * integral
        }
    }
}
