import GSL

/// The fraction of pseudo-experiments whose interval contains the true θ.
///
/// - `.asimov`: the asymptotic upper limit; toy covered iff the method's p-value at θ_true is
///   ≥ α = 1 − CL (θ_true not excluded ⟺ θ_true ≤ the toy's upper limit). CLs+b: p_θ =
///   1 − Φ(√q̃) ≥ α ⟺ q̃(θ_true) ≤ Φ⁻¹(CL)², applied in that form (q̃ one-sided, θ̂ ≥ 0). CLs:
///   CLs = p_θ / CLb ≥ α with the asymptotic p-values of Cowan et al., EPJC 71, 1554 (2011),
///   eq. 65–66 (`LimitMethod.pValue`), q_θ,A profiled once on the background-only Asimov data
///   at θ_true (`BackgroundAsimovStatistic`).
/// - `.feldmanCousins`: covered iff t(θ_true) ≤ c(θ_true), with c the CL-quantile of t from an
///   independent toy set thrown at θ_true (toy indices from `criticalFirstIndex`, disjoint
///   from the coverage toys 0 ..< toys).
///   CLs is not defined for Feldman–Cousins (refused).
/// With a `systematicModel` (shape systematics on `model`, its base) the toys are thrown at its
/// profiled nuisances with every global observable fluctuated and fitted with every nuisance
/// profiled (`ToyRunner.systematicModel`, docs/physics.md §16.7); CLs+b only.
/// Coverage p = covered/N with the binomial error √(p(1 − p)/N).
public struct CoverageStudy: Sendable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case asimov
        case feldmanCousins = "fc"
    }

    public var method: Method
    /// CLs+b or CLs (`.asimov` only).
    public var limitMethod: LimitMethod = .clsb
    public var trueValue: Double
    /// Toys used (failed ones excluded).
    public var toys: Int
    public var covered: Int
    public var failedFits: Int
    /// The critical value applied (Φ⁻¹(CL)² or the FC toy quantile); for CLs the equivalent
    /// threshold on q̃(θ_true), the q̃ where CLs(q̃, q_θ,A) = α.
    public var criticalValue: Double
    /// q_θ,A at θ_true (CLs only; NaN otherwise).
    public var asimovStatistic: Double = .nan

    public var coverage: Double { toys > 0 ? Double(covered) / Double(toys) : .nan }
    public var coverageError: Double { toys > 0 ? (coverage * (1 - coverage) / Double(toys)).squareRoot() : .nan }

    /// Index offset of the independent toys that set the FC critical value.
    public static let criticalFirstIndex: UInt64 = 1 << 40

    public static func run(
        model: BinnedModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
        method: Method, trueValue: Double, toys: Int, seed: UInt64, criticalToys: Int? = nil,
        threads: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil, limitMethod: LimitMethod = .clsb,
        scale: Double? = nil, systematicModel: SystematicModel? = nil
    ) throws -> CoverageStudy {
        guard toys > 0 else { throw StatisticsError("coverage needs at least one toy") }
        guard systematicModel == nil || limitMethod == .clsb else {
            throw StatisticsError("coverage with shape systematics is computed for CLs+b only")
        }
        guard limitMethod == .clsb || method == .asimov else {
            throw StatisticsError("CLs applies to the asymptotic limit (method asimov); Feldman–Cousins orders by likelihood ratio, not CLs")
        }
        let configuration = try ToyConfiguration.profiled(
            model: model, statistic: statistic, confidenceLevel: confidenceLevel, truth: trueValue, seed: seed, scale: scale,
            computesUpperLimit: false, testedTheta: trueValue)
        var critical: Double
        var qA = Double.nan
        switch method {
        case .asimov:
            critical = configuration.criticalValue
            if limitMethod == .cls {
                qA = try BackgroundAsimovStatistic(model: model, statistic: statistic).value(theta: trueValue)
                guard qA.isFinite else { throw StatisticsError("cannot profile the background-only Asimov data at θ = \(trueValue)") }
                critical = clsThreshold(asimov: qA, alpha: 1 - confidenceLevel)
            }
        case .feldmanCousins:
            let reference = try ToyRunner(configuration: configuration, systematicModel: systematicModel).run(
                totalToys: criticalToys ?? toys, firstIndex: criticalFirstIndex, threads: threads)
            let values = reference.filter { $0.status != .failed && $0.statisticAtTest.isFinite }.map(\.statisticAtTest).sorted()
            critical = Quantile.ofSorted(values, confidenceLevel)
        }
        let results = try ToyRunner(configuration: configuration, systematicModel: systematicModel)
            .run(totalToys: toys, threads: threads, progress: progress)
        let good = results.filter { $0.status != .failed && $0.statisticAtTest.isFinite }
        let covered = good.filter { toy in
            switch method {
            case .asimov:
                let q = toy.thetaHat > trueValue ? 0 : toy.statisticAtTest
                switch limitMethod {
                case .clsb: return q <= critical
                case .cls: return LimitMethod.cls.pValue(observed: q, asimov: qA) >= 1 - confidenceLevel
                }
            case .feldmanCousins:
                return toy.statisticAtTest <= critical
            }
        }.count
        return CoverageStudy(method: method, limitMethod: limitMethod, trueValue: trueValue, toys: good.count, covered: covered,
                             failedFits: results.count - good.count, criticalValue: critical, asimovStatistic: qA)
    }

    /// The q̃ where CLs(q̃, q_A) = α (CLs decreases with q̃), by Brent on [0, q_hi]; NaN if
    /// none (reported only: coverage is decided on the p-value itself).
    static func clsThreshold(asimov qA: Double, alpha: Double) -> Double {
        let f: (Double) -> Double = { LimitMethod.cls.pValue(observed: $0, asimov: qA) - alpha }
        var upper = max(1, 4 * qA)
        while f(upper) > 0 && upper < 1e6 { upper *= 2 }
        return (try? RootFinding.brent(f, lower: 0, upper: upper, relativeTolerance: 1e-12)) ?? .nan
    }
}
