import Foundation
import Testing
import GSL
@testable import Statistics

/// The toy-based expected band of pyhf/RooStats (`ToyExpectedBand`) against closed forms.
struct ToyExpectedBandTests {
    /// Poisson CDF F(n; μ) = Σ_{k ≤ n} e^{−μ} μ^k / k! by direct summation (independent of GSL).
    static func poissonCDF(_ n: Int, _ mu: Double) -> Double {
        var term = exp(-mu), sum = term
        if n > 0 { for k in 1...n { term *= mu / Double(k); sum += term } }
        return sum
    }

    static func poissonPMF(_ n: Int, _ mu: Double) -> Double {
        var term = exp(-mu)
        if n > 0 { for k in 1...n { term *= mu / Double(k) } }
        return term
    }

    /// One bin, known background b = 5, signal θ, no nuisance: q̃(θ) is 0 for n ≥ b + θ and
    /// decreases with n below, so for a background-only count n below b + θ
    ///
    ///     p_s+b = P(q̃ ≥ q̃(n) | b + θ) = F(n; b + θ),   p_b = F(n; b),
    ///
    /// and the Φ(N)-percentile of the p-values over background-only toys is p at the
    /// Φ(N)-quantile n_N of Poisson(5): n_N = 1, 3, 5, 7, 10 (b = 5 keeps each Φ(N) ≥ 3.8
    /// binomial σ of 10⁴ toys away from the CDF's jumps, so the sample percentile is n_N). The
    /// expected limit solves F(n_N; 5 + θ) = α (CLs+b) or F(n_N; 5 + θ)/F(n_N; 5) = α (CLs):
    /// CLs+b 0 (F(1; 5) = 0.040 < α already at θ → 0), 1.681, 4.275, 6.771, 10.407; CLs 2.671,
    /// 3.684, 5.151, 7.066, 10.439. Tolerance: 4σ of the toys' error on the crossing,
    /// σ_θ = σ_p / |∂p/∂θ| with ∂F(n; μ)/∂μ = −P(n; μ), σ_p² = F(1 − F)/N_s (CLs+b), and for
    /// CLs (σ_ps+b² + CLs² σ_pb²)/p_b² with σ_pb² = p_b(1 − p_b)/N_b; plus 0.02 for the
    /// interpolation. The grid (which only sets the interpolation error; the p-values are the
    /// toys.) is θ = 0.05 and pairs ±0.25 around each exact limit (z-interpolation error < 0.007).
    @Test("One-bin counting experiment: expected limits at −2σ…+2σ as in closed form", arguments: ToyExpectedBand.Method.allCases)
    func countingExperiment(method: ToyExpectedBand.Method) throws {
        let b = 5.0, toys = 10_000, alpha = 0.1
        let model = TestModels.counting(background: b)
        let exactLimits: [Double] = method == .clsb ? [1.681, 4.275, 6.771, 10.407] : [2.671, 3.684, 5.151, 7.066, 10.439]
        let grid = [0.05] + exactLimits.flatMap { [$0 - 0.25, $0 + 0.25] }
        let scan = try ToyTestStatisticScan.run(model: model, confidenceLevel: 0.9, grid: grid, backgroundToys: toys,
                                                seed: 20260415, scale: 4, threads: 2)
        #expect(scan.failedFits == 0)
        let band = try ToyExpectedBand(scan: scan, method: method, confidenceLevel: 0.9)
        let measured = [band.band.minus2, band.band.minus1, band.band.median, band.band.plus1, band.band.plus2]
        for (i, n) in [1, 3, 5, 7, 10].enumerated() {
            let pb = Self.poissonCDF(n, b)
            let norm = method == .clsb ? 1 : pb
            let f: (Double) -> Double = { theta in alpha - Self.poissonCDF(n, b + theta) / norm }   // increasing in θ
            if f(0) >= 0 {
                #expect(measured[i] == 0, "edge \(i) \(method): below the grid, got \(measured[i])")
                continue
            }
            let exact = TestModels.bisect(f, 0, 50)
            let psb = Self.poissonCDF(n, b + exact)
            let slope = Self.poissonPMF(n, b + exact) / norm
            var variance = psb * (1 - psb) / Double(toys) / (norm * norm)
            if method == .cls { variance += alpha * alpha * pb * (1 - pb) / Double(toys) / (pb * pb) }
            let sigma = variance.squareRoot() / slope
            print("\(method) edge \(i): toys \(measured[i]), exact \(exact) ± \(sigma)")
            #expect(abs(measured[i] - exact) < 4 * sigma + 0.02, "edge \(i) \(method): \(measured[i]) vs \(exact) ± \(sigma)")
        }
    }

    /// The scan (and so the band) is byte-identical for 1 and 2 threads, and toy j of the
    /// background-only sample is toy j of a plain toy run at θ = 0 with the same seed.
    @Test func deterministicForAnyThreadCount() throws {
        let model = TestModels.smooth(events: 400, width: 1.0)
        let grid = [0.5, 1.0, 2.0]
        let one = try ToyTestStatisticScan.run(model: model, grid: grid, backgroundToys: 40, signalToys: 30, seed: 7, threads: 1)
        let two = try ToyTestStatisticScan.run(model: model, grid: grid, backgroundToys: 40, signalToys: 30, seed: 7, threads: 2)
        func bits(_ s: ToyTestStatisticScan) -> [UInt64] { (s.backgroundOnly + s.signalPlusBackground).flatMap { $0.map(\.bitPattern) } }
        #expect(bits(one) == bits(two))
        #expect(one.backgroundToys == 40 && one.signalToys == 30)
        let configuration = try ToyConfiguration.profiled(model: model, truth: 0, seed: 7, computesUpperLimit: false, testedTheta: 1.0)
        let plain = try ToyRunner(configuration: configuration).run(totalToys: 40)
        #expect(plain.map { $0.thetaHat > 1.0 ? 0 : $0.statisticAtTest }.map(\.bitPattern) == one.backgroundOnly[1].map(\.bitPattern))
        let other = try ToyTestStatisticScan.run(model: model, grid: grid, backgroundToys: 40, signalToys: 30, seed: 8, threads: 2)
        #expect(bits(other) != bits(one))
    }

    /// In the asymptotic regime (50 000 events) the CLs+b band is Cowan et al.'s eq. 89–90,
    /// θ_N = σ_A (Φ⁻¹(CL) + N) with σ_A = θ_A/Φ⁻¹(CL), and −2σ is 0. Tolerance: 4 bootstrap
    /// standard errors plus 3 % of θ_A (the asymptotic formula's own accuracy at 50 000 events).
    @Test func asymptoticRegimeGivesTheAsymptoticBand() throws {
        let model = TestModels.smooth(events: 50_000, width: 0.5, signalPerTheta: 500)
        let asimov = try AsimovSensitivity.compute(model: model)
        let asymptotic = asimov.band
        // θ → 0⁺ and pairs ±4 % around each asymptotic edge (the grid sets only the interpolation).
        let grid = [0.02 * asimov.limit] + [asymptotic.minus1, asymptotic.median, asymptotic.plus1, asymptotic.plus2]
            .flatMap { [0.96 * $0, 1.04 * $0] }
        let scan = try ToyTestStatisticScan.run(model: model, grid: grid, backgroundToys: 1500, seed: 11, scale: asimov.limit, threads: 2)
        let band = try ToyExpectedBand(scan: scan, method: .clsb, confidenceLevel: 0.9)
        let errors = try ToyExpectedBand.bootstrapErrors(scan: scan, method: .clsb, confidenceLevel: 0.9, replicas: 100)
        #expect(band.band.minus2 == 0)
        for (name, toy, error, expected) in [("−1σ", band.band.minus1, errors.minus1, asymptotic.minus1),
                                             ("median", band.band.median, errors.median, asymptotic.median),
                                             ("+1σ", band.band.plus1, errors.plus1, asymptotic.plus1),
                                             ("+2σ", band.band.plus2, errors.plus2, asymptotic.plus2)] {
            print("asymptotic regime \(name): toys \(toy) ± \(error), eq. 89–90 \(expected)")
            #expect(error > 0 && error < 0.1 * asimov.limit)
            #expect(abs(toy - expected) < 4 * error + 0.03 * asimov.limit, "\(name): \(toy) ± \(error) vs \(expected)")
        }
    }
}
