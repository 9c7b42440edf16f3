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

        let result = try #require(TestSupport.run(["python3", TestSupport.path("macros/plot.py"), root, "--formats", "png"]))
        #expect(result.status == 0, "plot.py failed: \(result.stderr)")
        let plots = try FileManager.default.contentsOfDirectory(atPath: "\(root)/plots").sorted()
        #expect(plots == ["coverage_t.png", "delta_chi2_t.png", "exclusion_gm_t.png", "scan_t.png", "spectrum_t.png", "toy_limits_t.png"])
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
