/// The fraction of pseudo-experiments whose interval contains the true θ.
///
/// - `.asimov`: the asymptotic-threshold upper limit; toy covered iff q(θ_true) ≤ Φ⁻¹(CL)²
///   (q one-sided, θ̂ ≥ 0) — equivalent to θ_true ≤ the toy's upper limit.
/// - `.feldmanCousins`: covered iff t(θ_true) ≤ c(θ_true), with c the CL-quantile of t from an
///   independent toy set thrown at θ_true (toy indices from `criticalFirstIndex`, disjoint
///   from the coverage toys 0 ..< toys).
/// Coverage p = covered/N with the binomial error √(p(1 − p)/N).
public struct CoverageStudy: Sendable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case asimov
        case feldmanCousins = "fc"
    }

    public var method: Method
    public var trueValue: Double
    /// Toys used (failed ones excluded).
    public var toys: Int
    public var covered: Int
    public var failedFits: Int
    /// The critical value applied (Φ⁻¹(CL)² or the FC toy quantile).
    public var criticalValue: Double

    public var coverage: Double { toys > 0 ? Double(covered) / Double(toys) : .nan }
    public var coverageError: Double { toys > 0 ? (coverage * (1 - coverage) / Double(toys)).squareRoot() : .nan }

    /// Index offset of the independent toys that set the FC critical value.
    public static let criticalFirstIndex: UInt64 = 1 << 40

    public static func run(
        model: BinnedModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
        method: Method, trueValue: Double, toys: Int, seed: UInt64, criticalToys: Int? = nil,
        threads: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> CoverageStudy {
        guard toys > 0 else { throw StatisticsError("coverage needs at least one toy") }
        let configuration = try ToyConfiguration.profiled(
            model: model, statistic: statistic, confidenceLevel: confidenceLevel, truth: trueValue, seed: seed,
            computesUpperLimit: false, testedTheta: trueValue)
        let critical: Double
        switch method {
        case .asimov:
            critical = configuration.criticalValue
        case .feldmanCousins:
            let reference = try ToyRunner(configuration: configuration).run(
                totalToys: criticalToys ?? toys, firstIndex: criticalFirstIndex, threads: threads)
            let values = reference.filter { $0.status != .failed && $0.statisticAtTest.isFinite }.map(\.statisticAtTest).sorted()
            critical = Quantile.ofSorted(values, confidenceLevel)
        }
        let results = try ToyRunner(configuration: configuration).run(totalToys: toys, threads: threads, progress: progress)
        let good = results.filter { $0.status != .failed && $0.statisticAtTest.isFinite }
        let covered = good.filter { toy in
            switch method {
            case .asimov:
                let q = toy.thetaHat > trueValue ? 0 : toy.statisticAtTest
                return q <= critical
            case .feldmanCousins:
                return toy.statisticAtTest <= critical
            }
        }.count
        return CoverageStudy(method: method, trueValue: trueValue, toys: good.count, covered: covered,
                             failedFits: results.count - good.count, criticalValue: critical)
    }
}
