/// The coverage of the asymptotic (CLs+b) and Feldman–Cousins intervals of a `SystematicModel` at
/// a true θ (docs/physics.md §16.7), as `CoverageStudy` does without shape systematics: toys thrown
/// at θ_true with the nuisances profiled on the reference data and every global observable
/// fluctuated (`SystematicToys`), each fitted with every nuisance profiled, giving
/// t(θ_true) = λ_p(θ_true) − λ_p(θ̂), θ̂ ≥ 0.
///
/// - `.asimov`: covered iff q̃(θ_true) ≤ Φ⁻¹(CL)² (q̃ = 0 when θ̂ > θ_true; Cowan et al.,
///   EPJC 71, 1554 (2011), eq. 16): θ_true lies at or below the asymptotic upper limit.
/// - `.feldmanCousins`: covered iff t(θ_true) ≤ c, with c the CL-quantile of t from an
///   independent toy set (stream indices from `CoverageStudy.criticalFirstIndex`).
///
/// CLs is not defined here (refused), as for Feldman–Cousins without systematics.
public enum SystematicCoverage {
    public static func run(model: SystematicModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
                           method: CoverageStudy.Method, trueValue: Double, toys: Int, seed: UInt64, criticalToys: Int? = nil,
                           threads: Int = 1, scale: Double? = nil) throws -> CoverageStudy {
        guard toys > 0 else { throw StatisticsError("coverage needs at least one toy") }
        let asymptotic = try LimitMethod.clsb.asimovCriticalValue(confidenceLevel: confidenceLevel)
        func statistics(_ count: Int, firstIndex: UInt64) throws -> (values: [(t: Double, thetaHat: Double)], failed: Int) {
            let results = try SystematicToys.run(model: model, statistic: statistic, trueTheta: trueValue, critical: asymptotic, count: count,
                                                 seed: seed, threads: threads, scale: scale, upperLimit: false, testedTheta: trueValue,
                                                 firstIndex: firstIndex)
            let good = results.filter { $0.status != .failed && $0.statisticAtTest.isFinite }
            return (good.map { ($0.statisticAtTest, $0.thetaHat) }, results.count - good.count)
        }
        let critical: Double
        switch method {
        case .asimov:
            critical = asymptotic
        case .feldmanCousins:
            let reference = try statistics(criticalToys ?? toys, firstIndex: CoverageStudy.criticalFirstIndex)
            guard !reference.values.isEmpty else { throw StatisticsError("every toy fit for the Feldman–Cousins critical value failed") }
            critical = Quantile.ofSorted(reference.values.map(\.t).sorted(), confidenceLevel)
        }
        let (values, failed) = try statistics(toys, firstIndex: 0)
        let covered = values.filter { toy in
            switch method {
            case .asimov: return (toy.thetaHat > trueValue ? 0 : toy.t) <= critical
            case .feldmanCousins: return toy.t <= critical
            }
        }.count
        return CoverageStudy(method: method, limitMethod: .clsb, trueValue: trueValue, toys: values.count, covered: covered,
                             failedFits: failed, criticalValue: critical)
    }
}
