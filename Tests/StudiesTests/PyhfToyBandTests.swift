import Foundation
import Output
import Testing
import Physics
import Simulation
import Statistics
@testable import Studies

/// nue's test-statistic-quantile band (`ToyExpectedBand`) against pyhf's own toy calculator
/// (`scripts/pyhf_toy_band.py`: `ToyCalculator(test_stat="qtilde")`, `expected_pvalues`) on
/// the exported workspace, KamLAND > 3 MeV, μν, 3 000 SM events, σₙ = 0.7 %, Poisson, 90 % CL.
@Suite struct PyhfToyBandTests {
    /// POI values μ = θ/θ_A (θ_A nue's Asimov limit, where the workspace is exported): θ → 0⁺
    /// and points across the asymptotic CLs+b (0–2.56 θ_A) and CLs (0.66–2.6 θ_A) bands. Both
    /// tools use this grid and the same interpolation (linear in μ in Φ⁻¹(1 − p)), so they
    /// differ only by their toys.
    static let mus = [0.05, 0.45, 0.8, 1.2, 1.6, 2.1, 2.8]

    /// Each of the five expected limits (CLs+b and CLs) agrees within 3 combined standard
    /// errors, √(σ_nue² + σ_pyhf²), each the bootstrap standard deviation of its own toys
    /// (nue: 1 500 toys per hypothesis and μ, 100 replicas; pyhf: 250 toys per hypothesis and
    /// μ, 3 500 toy fits in all, ≈ 40 s). An edge below the grid (CLs+b −2σ: p → Φ(−2) < α as
    /// θ → 0⁺) must be 0 in both. 0.25 MeV bins keep pyhf's fits fast.
    @Test(.enabled(if: TestSupport.hasPyhf, "pyhf is not importable by python3"))
    func expectedLimitsAgreeWithPyhfToys() throws {
        let scenario = try Simulation.Scenario(detector: try Detector.preset(named: "kamland"),
                                               spectrum: try Lithium8Spectrum.make(), thresholdMeV: 3,
                                               normalization: .smEventsAboveThreshold(3000), binWidthMeV: 0.25)
        let fit = try ModelFit(templates: try scenario.templates(), model: .magneticMoment, normSigma: 0.007)
        let asimov = try fit.asimov(statistic: .poisson, cl: 0.90)
        let grid = Self.mus.map { $0 * asimov.limit }
        let scan = try ToyTestStatisticScan.run(model: fit.binnedModel, statistic: .poisson, confidenceLevel: 0.90, grid: grid,
                                                backgroundToys: 1500, seed: 20261130, scale: asimov.limit, threads: 2)
        #expect(scan.failedFits == 0)

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("workspace.json")
        try PyhfWorkspace.make(fit: fit, value: fit.quoted(asimov.limit), cl: 0.90).write(to: path)
        let result = try #require(TestSupport.run([
            "python3", TestSupport.path("scripts/pyhf_toy_band.py"), path, "--mu", Self.mus.map { String($0) }.joined(separator: ","),
            "--ntoys", "250", "--seed", "20261130", "--cl", "0.9", "--bootstrap", "200"]))
        #expect(result.status == 0, "pyhf_toy_band.py failed: \(result.stderr)")
        let answer = try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))

        for method in ToyExpectedBand.Method.allCases {
            let band = try ToyExpectedBand(scan: scan, method: method, confidenceLevel: 0.90)
            let errors = try ToyExpectedBand.bootstrapErrors(scan: scan, method: method, confidenceLevel: 0.90, replicas: 100)
            let nue = [band.band.minus2, band.band.minus1, band.band.median, band.band.plus1, band.band.plus2].map { $0 / asimov.limit }
            let nueErrors = [errors.minus2, errors.minus1, errors.median, errors.plus1, errors.plus2].map { $0 / asimov.limit }
            guard case .array(let limits)? = answer["limits"]?[method.rawValue],
                  case .array(let pyhfErrors)? = answer["errors"]?[method.rawValue] else {
                Issue.record("no \(method.rawValue) limits in \(answer)"); continue
            }
            for n in 0..<5 {
                guard case .number(let pyhf) = limits[n] else { Issue.record("\(method) edge \(n): pyhf gives \(limits[n])"); continue }
                let label = "\(method.rawValue) \(["−2σ", "−1σ", "median", "+1σ", "+2σ"][n])"
                if pyhf == 0 || nue[n] == 0 {
                    #expect(pyhf == nue[n], "\(label): below the grid in one tool only (nue \(nue[n]), pyhf \(pyhf))")
                    continue
                }
                guard case .number(let pyhfError) = pyhfErrors[n], nueErrors[n].isFinite else {
                    Issue.record("\(label): no error (nue \(nueErrors[n]), pyhf \(pyhfErrors[n]))"); continue
                }
                let tolerance = 3 * (nueErrors[n] * nueErrors[n] + pyhfError * pyhfError).squareRoot()
                print("\(label): nue μ = \(nue[n]) ± \(nueErrors[n]), pyhf \(pyhf) ± \(pyhfError); κ: nue \(fit.quoted(nue[n] * asimov.limit)), pyhf \(fit.quoted(pyhf * asimov.limit))")
                #expect(abs(nue[n] - pyhf) < tolerance, "\(label): nue \(nue[n]) vs pyhf \(pyhf), tolerance \(tolerance)")
            }
        }
    }
}
