import GSL

/// A Neyman construction on a grid of θ ≥ 0 with critical values from toys.
///
/// At each grid point θ_g, toys are thrown at θ_g (nuisances profiled on the reference data at
/// θ_g, global observables fluctuated; see `ToyRunner`) and the critical value c(θ_g) is the
/// CL-quantile of the ordering statistic:
/// - `.feldmanCousins`: t(θ) = λ_p(θ) − λ_p(θ̂) with θ̂ ≥ 0 (two-sided likelihood-ratio
///   ordering; Feldman & Cousins, PRD 57, 3873 (1998), §IV–V);
/// - `.upperLimit`: q(θ) = t(θ) for θ̂ ≤ θ, 0 otherwise (one-sided q̃; Cowan et al.,
///   EPJC 71, 1554 (2011), eq. 16).
/// The confidence set for data is {θ : statistic_data(θ) ≤ c(θ)}, with c interpolated
/// linearly between grid points and edges solved by Brent's method.
///
/// For `.upperLimit`, q̃(0) ≡ 0, so c(0) is taken from the next grid point (the θ → 0⁺ limit).
///
/// Seeding: grid point g uses toy indices firstIndex + g·toysPerPoint + k, k < toysPerPoint.
public struct NeymanBelt: Sendable {
    public enum Ordering: String, Sendable, Codable {
        case feldmanCousins = "fc"
        case upperLimit = "upper-limit"
    }

    public var ordering: Ordering
    public var confidenceLevel: Double
    /// θ grid (ascending, starting at 0).
    public var grid: [Double]
    /// c(θ_g).
    public var criticalValues: [Double]
    public var toysPerPoint: Int
    /// Failed toy fits over all grid points (excluded from the quantiles).
    public var failedFits: Int

    public init(ordering: Ordering, confidenceLevel: Double, grid: [Double], criticalValues: [Double],
                toysPerPoint: Int, failedFits: Int) {
        self.ordering = ordering
        self.confidenceLevel = confidenceLevel
        self.grid = grid
        self.criticalValues = criticalValues
        self.toysPerPoint = toysPerPoint
        self.failedFits = failedFits
    }

    /// Builds the belt from toys.
    public static func build(
        model: BinnedModel, statistic: TestStatistic = .poisson, ordering: Ordering = .feldmanCousins,
        confidenceLevel: Double = 0.90, grid: [Double], toysPerPoint: Int, seed: UInt64, firstIndex: UInt64 = 0,
        referenceData: [Double]? = nil, referenceGlobalObservables: NuisanceParameters? = nil,
        threads: Int = 1
    ) throws -> NeymanBelt {
        guard !grid.isEmpty, grid.first == 0, zip(grid, grid.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw StatisticsError("the θ grid must start at 0 and increase")
        }
        guard toysPerPoint >= 10 else { throw StatisticsError("a belt needs at least 10 toys per grid point") }
        let scale = try AsimovSensitivity.compute(model: model, statistic: statistic, confidenceLevel: confidenceLevel).limit
        var critical: [Double] = []
        var failed = 0
        for (g, theta) in grid.enumerated() {
            let configuration = try ToyConfiguration.profiled(
                model: model, statistic: statistic, confidenceLevel: confidenceLevel, truth: theta, seed: seed,
                referenceData: referenceData, referenceGlobalObservables: referenceGlobalObservables, scale: scale,
                computesUpperLimit: false, testedTheta: theta)
            let results = try ToyRunner(configuration: configuration).run(
                totalToys: toysPerPoint, firstIndex: firstIndex + UInt64(g * toysPerPoint), threads: threads)
            let values = results.filter { $0.status != .failed && $0.statisticAtTest.isFinite }
                .map { ordering == .upperLimit && $0.thetaHat > theta ? 0 : $0.statisticAtTest }
                .sorted()
            failed += results.count - values.count
            critical.append(Quantile.ofSorted(values, confidenceLevel))
        }
        // q̃(0) ≡ 0 (every θ̂ ≥ 0 lies at or above θ = 0): use the θ → 0⁺ value instead.
        if ordering == .upperLimit, critical.count > 1 { critical[0] = critical[1] }
        return NeymanBelt(ordering: ordering, confidenceLevel: confidenceLevel, grid: grid, criticalValues: critical,
                          toysPerPoint: toysPerPoint, failedFits: failed)
    }

    /// c(θ), linear between grid points, constant beyond the last.
    public func criticalValue(at theta: Double) -> Double {
        guard theta > grid[0] else { return criticalValues[0] }
        guard let upper = grid.firstIndex(where: { $0 >= theta }) else { return criticalValues[criticalValues.count - 1] }
        let lower = upper - 1
        let w = (theta - grid[lower]) / (grid[upper] - grid[lower])
        return criticalValues[lower] + w * (criticalValues[upper] - criticalValues[lower])
    }

    /// The confidence interval for the data loaded in `likelihood`: [lower, upper] for
    /// `.feldmanCousins` (outer edges), [0, upper] for `.upperLimit`.
    public func interval(for likelihood: ProfileLikelihood) throws -> ConfidenceInterval {
        let best = likelihood.bestFit(scale: grid[grid.count - 1] / 4)
        guard best.status != .failed else { throw StatisticsError("the best fit to the data failed") }
        func excess(_ theta: Double) -> Double {
            let t = ordering == .upperLimit
                ? likelihood.upperLimitStatistic(theta: theta, bestFit: best)
                : likelihood.testStatistic(theta: theta, bestFit: best)
            return (t.isFinite ? t : 1e300) - criticalValue(at: theta)
        }
        let values = grid.map(excess)
        let accepted = values.indices.filter { values[$0] <= 0 }
        guard let first = accepted.first, let last = accepted.last else {
            throw StatisticsError("no θ on the grid is accepted; extend the grid")
        }
        var lower = 0.0
        if first > 0 { lower = try RootFinding.brent(excess, lower: grid[first - 1], upper: grid[first]) }
        if ordering == .upperLimit { lower = 0 }
        if last == grid.count - 1 { return ConfidenceInterval(lower: lower, upper: grid[last], isOpenAbove: true) }
        let upper = try RootFinding.brent(excess, lower: grid[last], upper: grid[last + 1])
        return ConfidenceInterval(lower: lower, upper: upper)
    }
}
