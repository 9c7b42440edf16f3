import Foundation
import Testing
@testable import Studies

/// Runs macros/plot.py on small data files written through `PlotData` (the Swift side of the
/// schemas), when matplotlib is importable.
@Suite struct PlotScriptTests {
    @Test(.enabled(if: TestSupport.hasMatplotlib, "matplotlib is not importable by python3"))
    func plotScriptDrawsEveryKind() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = OutputDirectory(path: root)
        let edges = stride(from: 1.0, through: 9.0, by: 0.5).map { $0 }
        let sm: [Double] = edges.dropLast().map { (t: Double) -> Double in 1000 * exp(-t / 2) }
        let np: [Double] = zip(sm, edges).map { (s: Double, t: Double) -> Double in s * (1 + 0.3 / t) }
        try out.writeData(try PlotData.spectrum(binEdges: edges, components: [("SM", sm), ("SM + mu_nu=3e-11", np)]),
                          name: PlotData.fileName(.spectrum, tag: "t"))
        let kappas = (0..<20).map { Double($0) * 2e-12 }
        try out.writeData(try PlotData.deltaChi2(parameter: "mu_nu", curves: [
            PlotCurve(name: "poisson", x: kappas, y: kappas.map { (k: Double) -> Double in 1.6424 * Foundation.pow(k / 1.5e-11, 4) })],
            critical: 1.6424),
                          name: PlotData.fileName(.deltaChi2, tag: "t"))
        var limits: [Double?] = []
        for i in 0..<200 {
            let spread = Double((i * 37) % 100) / 100
            limits.append(1.5e-11 * (0.7 + 0.6 * spread))
        }
        limits.append(nil)
        try out.writeData(try PlotData.toyLimits(parameter: "mu_nu", limits: limits, asimov: 1.5e-11),
                          name: PlotData.fileName(.toyLimits, tag: "t"))
        var points: [PlotData.CoveragePoint] = []
        for x in [0.0, 1e-11, 2e-11] {
            for method in ["asimov", "fc"] {
                points.append(PlotData.CoveragePoint(method: method, parameter: "mu_nu", trueValue: x, toys: 1000,
                                                     covered: 897, nominal: 0.9))
            }
        }
        try out.writeData(try PlotData.coverage(points), name: PlotData.fileName(.coverage, tag: "t"))
        let masses = RunCard.LogGrid(from: 1e-3, to: 100, points: 11).values
        let gLimits: [Double] = masses.map { (m: Double) -> Double in 4e-7 * (1 + m * m).squareRoot() }
        try out.writeData(try PlotData.gmExclusion([PlotCurve(name: "KamLAND >3 MeV", x: masses, y: gLimits)]),
                          name: PlotData.fileName(.exclusion, tag: "t"))
        try out.writeData(try PlotData.scan("threshold_mev", parameter: "mu_nu", curves: [
            PlotCurve(name: "JUNO", x: [0.2, 1, 3], y: [1e-11, 1.2e-11, 2e-11])]), name: PlotData.fileName(.scan, tag: "t"))
        // A scan at one value of its parameter (sin2w-precision): one row per curve.
        try out.writeData(try PlotData.scan("sin2_theta_w", parameter: "sigma_sin2_theta_w", curves: [
            PlotCurve(name: "KamLAND", x: [0.23122], y: [0.0037]), PlotCurve(name: "JUNO", x: [0.23122], y: [0.0014])]),
                          name: PlotData.fileName(.scan, tag: "p"))

        let result = try #require(TestSupport.run(["python3", TestSupport.path("macros/plot.py"), root, "--formats", "png"]))
        #expect(result.status == 0, "plot.py failed: \(result.stderr)")
        let plots = try FileManager.default.contentsOfDirectory(atPath: "\(root)/plots").sorted()
        #expect(plots == ["coverage_t.png", "delta_chi2_t.png", "exclusion_gm_t.png", "scan_p.png", "scan_t.png", "spectrum_t.png",
                          "toy_limits_t.png"])
    }

    /// The coverage plot draws the binomial band around the nominal CL (printed with --describe),
    /// a toy-limit file with extra columns (further band conventions) still plots, and the
    /// spectrum's ratio panel is zoomed to the effect.
    @Test(.enabled(if: TestSupport.hasMatplotlib, "matplotlib is not importable by python3"))
    func plotScriptDrawsBandsAndToleratesExtraColumns() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = OutputDirectory(path: root)
        var points: [PlotData.CoveragePoint] = []
        for x in [0.0, 0.5e-11, 1e-11, 1.5e-11, 2e-11] {
            for method in ["asimov", "fc"] {
                points.append(PlotData.CoveragePoint(method: method, parameter: "mu_nu", trueValue: x, toys: 2000,
                                                     covered: method == "asimov" && x == 0 ? 2000 : 1795, nominal: 0.9))
            }
        }
        try out.writeData(try PlotData.coverage(points), name: PlotData.fileName(.coverage, tag: "t"))
        var toys = "parameter,toy,limit,asimov,limit_cls,band_convention\n"
        for i in 0..<100 { toys += "g,\(i),\(1e-7 * (0.5 + Double(i) / 100)),1e-7,\(2e-7),other\n" }
        try toys.write(toFile: "\(root)/toy_limits_t.csv", atomically: true, encoding: .utf8)
        let edges = stride(from: 3.0, through: 16.0, by: 0.1).map { $0 }
        let sm: [Double] = edges.dropLast().map { (t: Double) -> Double in 100 * exp(-(t - 3) / 1.5) }
        let np: [Double] = zip(sm, edges).map { (s: Double, t: Double) -> Double in s * (1 + 0.0045 * 3 / t) }
        try out.writeData(try PlotData.spectrum(binEdges: edges, components: [("SM", sm), ("SM + mu_nu=3e-11", np)]),
                          name: PlotData.fileName(.spectrum, tag: "t"))

        let result = try #require(TestSupport.run(["python3", TestSupport.path("macros/plot.py"), root, "--formats", "png", "--describe"]))
        #expect(result.status == 0, "plot.py failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Binomial band for N = 2000 around 0.9: sigma = sqrt(0.9 * 0.1 / 2000) = 0.0067.
        #expect(lines.contains("coverage_t: band nominal=0.9 sigma=0.00671 N=2000 points=10"), "\(lines)")
        #expect(lines.contains("toy_limits_t: toys=100 failed=0"), "\(lines)")
        // The ratio panel shows (SM + NP)/SM - 1 in percent, on the range of the data (0.45 % at 3 MeV).
        let ratio = try #require(lines.first { $0.hasPrefix("spectrum_t: ratio percent") }, "\(lines)")
        let high = try #require(Double(ratio.split(separator: "=").last ?? ""))
        #expect(high > 0.4 && high < 0.5, "\(ratio)")
        // No y range down to empty bins: the spectrum is drawn from 0.1 event per bin at least.
        #expect(lines.contains { $0.hasPrefix("spectrum_t: floor=0.1 ") }, "\(lines)")
    }

    @Test(.enabled(if: TestSupport.hasMatplotlib, "matplotlib is not importable by python3"))
    func plotScriptReportsMalformedData() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "method,parameter,true_value,toys,covered,coverage,nominal\nfc,g,0,100,120,1.2,0.9\n"
            .write(toFile: "\(root)/coverage_bad.csv", atomically: true, encoding: .utf8)
        let result = try #require(TestSupport.run(["python3", TestSupport.path("macros/plot.py"), root]))
        #expect(result.status == 1)
        #expect(result.stderr.contains("coverage_bad.csv: covered = 120 is not within [0, toys = 100]"), "\(result.stderr)")
    }

    @Test(.enabled(if: TestSupport.hasMatplotlib, "matplotlib is not importable by python3"))
    func plotScriptReportsAWrongHeader() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "t_mev,events\n1,2\n".write(toFile: "\(root)/spectrum_bad.csv", atomically: true, encoding: .utf8)
        let result = try #require(TestSupport.run(["python3", TestSupport.path("macros/plot.py"), root]))
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing column(s) t_low_mev, t_high_mev, component"))
    }
}
