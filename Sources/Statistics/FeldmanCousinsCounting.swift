import Foundation

/// The Feldman–Cousins construction for a single-bin counting experiment with known mean
/// background b, exactly by enumeration of Poisson probabilities (no toys).
///
/// At signal s the counts n are ranked by R(n) = P(n | s + b) / P(n | ŝ + b) with
/// ŝ = max(0, n − b) (the physically bounded best fit) and added in decreasing R until their
/// total probability reaches CL; the interval for an observed n is the set of s whose
/// acceptance region contains n. Feldman & Cousins, PRD 57, 3873 (1998), §IV and Table IV.
/// Ranking by R is ranking by t = −2 ln R, the statistic of the binned construction.
public enum FeldmanCousinsCounting {
    /// The accepted counts n₁…n₂ at signal `signal` (R is unimodal in n, so the region is
    /// grown from its maximum towards the larger neighbour).
    public static func acceptanceRegion(signal s: Double, background b: Double, confidenceLevel cl: Double) -> ClosedRange<Int> {
        let mu = s + b
        func logRatio(_ n: Int) -> Double {
            let best = max(Double(n), b)
            return (n > 0 ? Double(n) * log(mu / best) : 0) - (mu - best)
        }
        func probability(_ n: Int) -> Double {
            exp(Double(n) * log(mu) - mu - lgamma(Double(n) + 1))
        }
        // Start at the maximum of R: n = ⌊μ⌋ or ⌈μ⌉ (for n ≥ b), or n = ⌊b⌋ region when s = 0.
        let candidates = Set([Int(mu.rounded(.down)), Int(mu.rounded(.up)), Int(b.rounded(.down)), Int(b.rounded(.up))].filter { $0 >= 0 })
        var start = candidates.min()!
        for c in candidates where logRatio(c) > logRatio(start) { start = c }
        var low = start, high = start
        var total = probability(start)
        while total < cl {
            let left = low > 0 ? logRatio(low - 1) : -Double.infinity
            let right = logRatio(high + 1)
            if right >= left { high += 1; total += probability(high) } else { low -= 1; total += probability(low) }
        }
        return low...high
    }

    /// The FC interval on s for `observed` counts: scan s on a grid of `step`, then bisect
    /// each edge to 10⁻⁶. The interval is [first, last] accepted s (FC's convention when the
    /// accepted set has gaps).
    public static func interval(observed n: Int, background b: Double, confidenceLevel cl: Double = 0.90,
                                step: Double = 0.005) -> ConfidenceInterval {
        func accepted(_ s: Double) -> Bool { acceptanceRegion(signal: s, background: b, confidenceLevel: cl).contains(n) }
        var first: Double?, last: Double?
        var s = 0.0
        // The lower end n₁(s) is not monotone (discreteness: n may leave the region and come
        // back, e.g. n = 0 for b = 3.46); scan until n₁ exceeds n by 2.
        while true {
            let region = acceptanceRegion(signal: s, background: b, confidenceLevel: cl)
            if region.contains(n) {
                if first == nil { first = s }
                last = s
            } else if region.lowerBound > n + 2 {
                break
            }
            s += step
        }
        guard let first, let last else { return ConfidenceInterval(lower: .nan, upper: .nan) }
        func refine(_ inside: Double, _ outside: Double) -> Double {
            var a = inside, c = outside
            for _ in 0..<40 {
                let mid = 0.5 * (a + c)
                if accepted(mid) { a = mid } else { c = mid }
                if abs(c - a) < 1e-7 { break }
            }
            return 0.5 * (a + c)
        }
        let lower = first == 0 ? 0 : refine(first, first - step)
        let upper = refine(last, last + step)
        return ConfidenceInterval(lower: lower, upper: upper)
    }
}

extension FeldmanCousinsCounting {
    /// The upper end of the interval made non-increasing in the background: the largest upper
    /// edge over b′ ∈ [b, b + `backgroundRange`]. Plain enumeration gives upper limits that
    /// saw-tooth in b through discreteness (for n = 0, b = 3: 0.95, while b = 3.46 gives 1.08);
    /// Feldman & Cousins' Table IV quotes the non-increasing envelope (n = 0, b = 3: 1.08).
    /// Checked here: the envelope reproduces the table's n = 0 row (b = 2: 1.26, 3: 1.08, 4: 1.01).
    public static func upperLimitNonIncreasingInBackground(
        observed n: Int, background b: Double, confidenceLevel cl: Double = 0.90,
        backgroundRange: Double = 1.5, backgroundStep: Double = 0.002
    ) -> Double {
        var best = -Double.infinity
        var shifted = b
        while shifted <= b + backgroundRange + 1e-12 {
            let upper = interval(observed: n, background: shifted, confidenceLevel: cl, step: 0.01).upper
            if upper > best { best = upper }
            shifted += backgroundStep
        }
        return best
    }
}
