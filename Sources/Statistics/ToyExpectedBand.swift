import GSL

/// The toy-based expected limits of pyhf and RooStats (label `test_statistic_quantiles`):
/// quantiles of the test statistic under the background-only hypothesis mapped to limits
/// through the p-value of each tested θ.
///
/// At each grid point θ_g of a `ToyTestStatisticScan`, for every background-only toy j with
/// q̃_j = q̃_b,j(θ_g):
///
///     p_s+b,j = #{k : q̃_s+b,k(θ_g) ≥ q̃_j} / N_s        (CLs+b)
///     p_b,j   = #{i : q̃_b,i(θ_g)   ≥ q̃_j} / N_b
///     CLs_j   = p_s+b,j / p_b,j                          (Read, J. Phys. G 28, 2693 (2002))
///
/// and the expected p-value at N σ (N = −2…2) is the Φ(N)-percentile of {p_j} (type 7,
/// `Quantile`; numpy's `percentile`): exactly pyhf 0.7's `ToyCalculator.expected_pvalues`
/// (`EmpiricalDistribution.pvalue` counts q̃ ≥ value). The −2σ p-value (the lowest) belongs to
/// the toys with the strongest deficit and gives the lowest limit. Cowan et al., EPJC 71, 1554
/// (2011), §4.3 (the band from b-only quantiles of q̃); pyhf docs, `pyhf.infer.calculators`.
///
/// The expected limit at N σ is the first crossing of p_N(θ) below α = 1 − CL along the grid,
/// interpolated linearly in θ between the grid points that bracket it in z = Φ⁻¹(1 − p) (exact
/// for the asymptotic CLs+b curve, where z = θ/σ − N; p clamped to [½/N_s, 1 − ½/N_s]). If
/// p_N < α already at the lowest grid point the limit is reported as 0 (below the grid; with
/// CLs+b the −2σ curve stays near Φ(−2) < α as θ → 0⁺, so that edge is 0 as in the asymptotic
/// band); if p_N ≥ α at every grid point it is NaN (extend the grid).
public struct ToyExpectedBand: Sendable, Equatable {
    /// How the p-value of θ is formed.
    /// CLs+b (p_s+b, nue's default) or CLs = p_s+b / p_b: the project's one `LimitMethod`.
    public typealias Method = LimitMethod

    public var method: Method
    public var confidenceLevel: Double
    /// The expected upper limits on θ at −2σ, −1σ, median, +1σ, +2σ (0: below the grid, NaN: above).
    public var band: ExpectedBand
    /// The grid of the scan.
    public var grid: [Double]
    /// The expected p-values `[g][n]`, n = 0…4 for −2σ…+2σ.
    public var expectedPValues: [[Double]]
    /// Background-only and signal-plus-background toys per grid point.
    public var backgroundToys: Int
    public var signalToys: Int
    /// Failed fits in the scan (excluded from the counts).
    public var failedFits: Int

    /// The probabilities Φ(−2), Φ(−1), ½, Φ(1), Φ(2) of the five quantiles.
    public static let probabilities = [Quantile.minus2Sigma, Quantile.minus1Sigma, 0.5, Quantile.plus1Sigma, Quantile.plus2Sigma]

    public init(scan: ToyTestStatisticScan, method: Method = .clsb, confidenceLevel: Double = 0.90) throws(StatisticsError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw StatisticsError("the CL must lie in (0, 1), got \(confidenceLevel)") }
        var pValues: [[Double]] = []
        for g in scan.grid.indices {
            pValues.append(try Self.expectedPValues(signal: scan.signalPlusBackground[g], background: scan.backgroundOnly[g], method: method))
        }
        let alpha = 1 - confidenceLevel
        let floor = 0.5 / Double(max(1, scan.signalToys))
        let limits = (0..<5).map { n in Self.crossing(grid: scan.grid, pValues: pValues.map { $0[n] }, alpha: alpha, clamp: floor) }
        self.method = method
        self.confidenceLevel = confidenceLevel
        band = ExpectedBand(minus2: limits[0], minus1: limits[1], median: limits[2], plus1: limits[3], plus2: limits[4])
        grid = scan.grid
        expectedPValues = pValues
        backgroundToys = scan.backgroundToys
        signalToys = scan.signalToys
        failedFits = scan.failedFits
    }

    /// The expected p-values at −2σ…+2σ at one θ from the toys' q̃ there (NaN entries skipped).
    public static func expectedPValues(signal: [Double], background: [Double], method: Method) throws(StatisticsError) -> [Double] {
        let s = signal.filter(\.isFinite).sorted()
        let b = background.filter(\.isFinite).sorted()
        guard !s.isEmpty, !b.isEmpty else { throw StatisticsError("no successful toy fits at a grid point") }
        /// #{x ∈ sorted : x ≥ value} / count, by binary search.
        func tail(_ sorted: [Double], _ value: Double) -> Double {
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] >= value { high = mid } else { low = mid + 1 }
            }
            return Double(sorted.count - low) / Double(sorted.count)
        }
        var p = b.map { q -> Double in
            let clsb = tail(s, q)
            return method == .clsb ? clsb : clsb / tail(b, q)
        }
        p.sort()
        return probabilities.map { Quantile.ofSorted(p, $0) }
    }

    /// The first θ where p(θ) falls below α (see the type's comment).
    static func crossing(grid: [Double], pValues: [Double], alpha: Double, clamp: Double) -> Double {
        guard let first = pValues.firstIndex(where: { $0 < alpha }) else { return .nan }
        guard first > 0 else { return 0 }
        func z(_ p: Double) -> Double { Distributions.normalQuantile(1 - min(max(p, clamp), 1 - clamp)) }
        let za = z(pValues[first - 1]), zb = z(pValues[first]), target = Distributions.normalQuantile(1 - alpha)
        guard zb > za else { return grid[first] }
        return grid[first - 1] + (target - za) / (zb - za) * (grid[first] - grid[first - 1])
    }
}
