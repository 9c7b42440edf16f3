import Foundation
import GSL
import Testing
@testable import Statistics

/// Per-toy CLs limits (`ProfileLikelihood.clsUpperLimit`, `ToyConfiguration.limitMethod`) and
/// CLs coverage (`CoverageStudy`, `limitMethod: .cls`), against closed forms of the Gaussian
/// measurement x ~ N(θ, 1) (Cowan et al., EPJC 71, 1554 (2011), eq. 65–66): for x = N ≥ 0,
/// q̃_θ = (θ − N)², q_θ,A = θ², CLs = (1 − Φ(θ − N)) / Φ(N), so the CLs limit is
/// N + Φ⁻¹(1 − α Φ(N)); for x < 0 the same CLs holds (q̃ = θ² − 2θx, the other branch).
@Suite struct ToyCLsLimitTests {
    /// A Poisson bin of 10¹⁰ events with signal 10⁵ θ: Gaussian with σ_θ = 1 up to the Poisson
    /// skew (relative 10⁻⁵ at θ ≈ 4), so limits match the closed form within 2·10⁻⁴.
    static let gaussian = try! BinnedModel(standardModel: [1e10], parameterTerms: [[1e5]],
                                           normalization: GaussianConstraint(nominal: 1, sigma: 0))
    /// 2·10⁵ events in 18 bins (σₙ = 0.7 %): the asymptotic regime.
    static let manyEvents = TestModels.smooth(events: 200_000, width: 0.5)

    /// (b) One bin, observed x = N σ above the background: the CLs limit is
    /// N + Φ⁻¹(1 − α Φ(N)) (1.6449, 1.9822, 2.8206, 4.2823 for N = 0, 0.5, 1.5, 3 at 90 %).
    @Test(arguments: [0.0, 0.5, 1.5, 3.0])
    func gaussianClosedForm(n: Double) throws {
        let likelihood = ProfileLikelihood(model: Self.gaussian)
        try likelihood.setData([1e10 + 1e5 * n])
        let best = likelihood.bestFit()
        let clsb = likelihood.upperLimit(criticalValue: try CriticalValue.oneSided(confidenceLevel: 0.9), bestFit: best)
        let asimov = try BackgroundAsimovStatistic(model: Self.gaussian, statistic: .poisson)
        let cls = likelihood.clsUpperLimit(confidenceLevel: 0.9, clsb: clsb, asimov: asimov)
        let expected = n + Distributions.normalQuantile(1 - 0.1 * Distributions.normalCDF(n))
        #expect(cls.status != .failed)
        #expect(abs(clsb.theta - (n + 1.2815515655446004)) < 2e-4, "CLs+b \(clsb.theta)")
        #expect(abs(cls.theta - expected) < 2e-4, "CLs \(cls.theta) vs closed form \(expected)")
        #expect(cls.theta >= clsb.theta)
    }

    /// (a) 1000 toys at θ = 0 (seed 11): the median of the per-toy CLs limits agrees with the
    /// Asimov CLs limit within 3 × the median's error (order-statistic half-width, `ToySummary`),
    /// and every toy's CLs limit is ≥ its CLs+b limit from the same data.
    @Test func toyMedianMatchesTheAsimovCLsLimit() throws {
        let asimov = try AsimovSensitivity.compute(model: Self.manyEvents, method: .cls)
        let cls = try ToyConfiguration.profiled(model: Self.manyEvents, seed: 11, scale: asimov.limit, limitMethod: .cls)
        var clsb = cls
        clsb.limitMethod = .clsb
        let start = Date()
        let clsToys = try ToyRunner(configuration: cls).run(totalToys: 1000, threads: 2)
        let clsTime = Date().timeIntervalSince(start)
        let clsbToys = try ToyRunner(configuration: clsb).run(totalToys: 1000, threads: 2)
        let clsbTime = Date().timeIntervalSince(start) - clsTime
        let summary = ToySummary(results: clsToys)
        print("CLs toys: median \(summary.band.median) ± \(summary.medianError) vs Asimov CLs \(asimov.limit); "
              + "\(summary.failedFits) failed; 1000 toys in \(clsTime) s (CLs) vs \(clsbTime) s (CLs+b)")
        #expect(summary.failedFits == 0)
        #expect(abs(summary.band.median - asimov.limit) < 3 * summary.medianError,
                "median \(summary.band.median) ± \(summary.medianError) vs Asimov \(asimov.limit)")
        for (a, b) in zip(clsToys, clsbToys) {
            #expect(a.index == b.index && a.thetaHat == b.thetaHat)
            #expect(a.upperLimit >= b.upperLimit, "toy \(a.index): CLs \(a.upperLimit) < CLs+b \(b.upperLimit)")
        }
    }

    /// (d) Coverage at the Asimov CLs limit: CLs+b covers 0.90, CLs over-covers. In the
    /// Gaussian limit CLs(θ) = α at x = 0 exactly when θ = Φ⁻¹(1 − α/2)σ, so the CLs
    /// coverage there is Φ(Φ⁻¹(0.95)) = 0.95; 2000 toys (binomial error 0.005): within 3σ of
    /// 0.95 and above the nominal 0.90 by more than 3σ.
    @Test func clsOverCoversAtTheAsimovCLsLimit() throws {
        let limit = try AsimovSensitivity.compute(model: Self.manyEvents, method: .cls).limit
        let cls = try CoverageStudy.run(model: Self.manyEvents, method: .asimov, trueValue: limit, toys: 2000, seed: 5,
                                        threads: 2, limitMethod: .cls)
        let clsb = try CoverageStudy.run(model: Self.manyEvents, method: .asimov, trueValue: limit, toys: 2000, seed: 5,
                                         threads: 2)
        print("coverage at the Asimov CLs limit: CLs \(cls.coverage) ± \(cls.coverageError), CLs+b \(clsb.coverage) ± \(clsb.coverageError); CLs q̃ threshold \(cls.criticalValue), q_A \(cls.asimovStatistic)")
        #expect(cls.limitMethod == .cls && cls.failedFits == 0)
        #expect(abs(cls.coverage - 0.95) < 3 * cls.coverageError)
        #expect(cls.coverage - 3 * cls.coverageError > 0.90)
        #expect(cls.covered >= clsb.covered)
        // q_A at the Asimov CLs limit is Φ⁻¹(0.95)² = 2.7055; the CLs threshold there is q̃ = q_A.
        #expect(abs(cls.asimovStatistic - 2.705543454095404) < 1e-6)
        #expect(abs(cls.criticalValue - 2.705543454095404) < 1e-6)
    }

    /// Feldman–Cousins has no CLs: refused.
    @Test func feldmanCousinsRefusesCLs() {
        #expect(throws: StatisticsError.self) {
            try CoverageStudy.run(model: Self.gaussian, method: .feldmanCousins, trueValue: 1, toys: 10, seed: 1, limitMethod: .cls)
        }
    }

    /// The header records CLs (`limit_method`), a CLs+b header has no such key (files as
    /// before), and resuming across methods is refused naming the field.
    @Test func headerCarriesTheMethod() throws {
        let clsb = ToyFileHeader(seed: 1, totalToys: 5, statistic: .poisson, confidenceLevel: 0.9, truth: 0,
                                 asimovLimit: 1, label: "x")
        var cls = clsb
        cls.limitMethod = .cls
        #expect(!ToyFile.headerLine(clsb).contains("limit_method"))
        #expect(ToyFile.headerLine(cls).hasSuffix(",\"limit_method\":\"cls\"}"))
        #expect(try ToyFile.parseHeader(Substring(ToyFile.headerLine(cls)), name: "f") == cls)
        #expect(try ToyFile.parseHeader(Substring(ToyFile.headerLine(clsb)), name: "f") == clsb)
        #expect(cls.firstDifference(from: clsb) == "limit_method is cls in the file, clsb expected")

        let directory = try ToyFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/toys.json"
        let model = TestModels.smooth(events: 2000, width: 0.5)
        let configuration = try ToyConfiguration.profiled(model: model, seed: 1)
        _ = try ToyJob(runner: ToyRunner(configuration: configuration), header: clsb).run(output: path)
        var clsConfiguration = configuration
        clsConfiguration.limitMethod = .cls
        do {
            _ = try ToyJob(runner: ToyRunner(configuration: clsConfiguration), header: cls).run(output: path, existing: .resume)
            Issue.record("resumed a CLs+b file as CLs")
        } catch let error as StatisticsError {
            #expect(error.description.contains("limit_method"), "\(error)")
        }
    }
}
