import Foundation
import NueTestSupport
import Testing
@testable import Statistics

/// HistFactory interpolation (docs/physics.md §16.3): the defining properties of each code checked
/// from their definitions (exact at 0 and ±1, continuity of value and slopes at ±1 by one-sided
/// differences), analytic derivatives against central finite differences (h = 10⁻⁶, agreement
/// 10⁻⁶ relative to the slope's scale), the sample combination and its gradient, and pyhf's own
/// numbers (`scripts/pyhf_interpolation_check.py`, pyhf 0.7.6) for code4p/code4 and code0/code1.
@Suite struct InterpolationTests {
    static let nominal = [100.0, 50, 20, 0, 7]
    static let up = [110.0, 48, 25, 1, 7]
    static let down = [95.0, 53, 18, 0.5, 6]
    static let alphas = [-2.3, -1.0, -0.7, -0.2, 0, 0.35, 0.9, 1.0, 1.6]

    @Test(arguments: [InterpolationCode.code0, .code4p])
    func histoSysIsExactAtTheKnots(code: InterpolationCode) throws {
        let h = try HistoSysInterpolation(nominal: Self.nominal, up: Self.up, down: Self.down, code: code)
        for b in Self.nominal.indices {
            #expect(h.delta(0, bin: b) == 0)
            #expect(abs(h.delta(1, bin: b) - (Self.up[b] - Self.nominal[b])) < 1e-12)
            #expect(abs(h.delta(-1, bin: b) - (Self.down[b] - Self.nominal[b])) < 1e-12)
            #expect(abs(h.delta(2.5, bin: b) - 2.5 * (Self.up[b] - Self.nominal[b])) < 1e-12, "linear beyond +1")
        }
    }

    /// code4p: C¹ at ±1 and at 0 (one-sided slopes agree to 10⁻⁵); a symmetric (linear) variation
    /// stays exactly linear everywhere.
    @Test func code4pIsSmoothAndLinearForSymmetricVariations() throws {
        let h = try HistoSysInterpolation(nominal: Self.nominal, up: Self.up, down: Self.down)
        let eps = 1e-7
        for knot in [-1.0, 0, 1] {
            for b in Self.nominal.indices {
                let left = (h.delta(knot, bin: b) - h.delta(knot - eps, bin: b)) / eps
                let right = (h.delta(knot + eps, bin: b) - h.delta(knot, bin: b)) / eps
                #expect(abs(left - right) < 1e-5 * max(1, abs(left)), "kink at \(knot), bin \(b)")
            }
        }
        let linear = try HistoSysInterpolation(nominal: [10, 20], up: [11, 23], down: [9, 17])
        for a in Self.alphas { #expect(abs(linear.delta(a, bin: 1) - 3 * a) < 1e-12) }
    }

    @Test(arguments: [InterpolationCode.code0, .code4p])
    func histoSysDerivativesMatchFiniteDifferences(code: InterpolationCode) throws {
        let h = try HistoSysInterpolation(nominal: Self.nominal, up: Self.up, down: Self.down, code: code)
        let step = 1e-6
        for a in Self.alphas where abs(abs(a) - 1) > 1e-3 && (code != .code0 || a != 0) {
            for b in Self.nominal.indices {
                let fd = (h.delta(a + step, bin: b) - h.delta(a - step, bin: b)) / (2 * step)
                #expect(abs(fd - h.derivative(a, bin: b)) < 1e-6 * max(1, abs(fd)), "α = \(a), bin \(b)")
            }
        }
    }

    /// code4: exact at 0, ±1; value, first and second derivative continuous at ±1 (one-sided
    /// differences, 10⁻⁴); derivative against central differences; code1 and code0 by their formulas.
    @Test func normSysCodes() throws {
        let u = 1.1, d = 0.85
        let c4 = try NormSysInterpolation(up: u, down: d)
        #expect(c4.factor(0) == 1)
        #expect(abs(c4.factor(1) - u) < 1e-14 && abs(c4.factor(-1) - d) < 1e-14)
        #expect(abs(c4.factor(2) - u * u) < 1e-14 && abs(c4.factor(-1.5) - pow(d, 1.5)) < 1e-14)
        let eps = 1e-5
        func poly(_ a: Double) -> Double { c4.factor(a) }
        for (knot, outside) in [(1.0, { (a: Double) in pow(u, a) }), (-1.0, { (a: Double) in pow(d, -a) })] {
            // Inside-polynomial derivatives from the inner side, exponential's in closed form.
            let s = knot > 0 ? -1.0 : 1.0
            let d1 = (poly(knot) - poly(knot + s * eps)) / eps * (-s)
            let exact1 = (outside(knot + 1e-7) - outside(knot - 1e-7)) / 2e-7
            #expect(abs(d1 - exact1) < 1e-4, "f′ at \(knot)")
            let d2 = (poly(knot) - 2 * poly(knot + s * eps) + poly(knot + 2 * s * eps)) / (eps * eps)
            let l = knot > 0 ? log(u) : -log(d)
            #expect(abs(d2 - outside(knot) * l * l) < 1e-3, "f″ at \(knot): \(d2) vs \(outside(knot) * l * l)")
        }
        let c1 = try NormSysInterpolation(up: u, down: d, code: .code1)
        let c0 = try NormSysInterpolation(up: u, down: d, code: .code0)
        for a in Self.alphas {
            #expect(abs(c1.factor(a) - (a >= 0 ? pow(u, a) : pow(d, -a))) < 1e-14)
            #expect(abs(c0.factor(a) - (a > 0 ? 1 + a * (u - 1) : 1 + a * (1 - d))) < 1e-14)
            for f in [c0, c1, c4] where abs(abs(a) - 1) > 1e-3 && a != 0 {
                let fd = (f.factor(a + 1e-6) - f.factor(a - 1e-6)) / 2e-6
                #expect(abs(fd - f.derivative(a)) < 1e-8, "\(f.code) at \(a)")
            }
        }
    }

    /// ν_b = (I⁰ + δ₁ + δ₂) f₁ f₂ with parameters shared by index; the gradient rows against central
    /// differences of `evaluate` (10⁻⁶ of the row's scale).
    @Test func sampleCombinationAndGradient() throws {
        let h1 = try HistoSysInterpolation(nominal: Self.nominal, up: Self.up, down: Self.down)
        let h2 = try HistoSysInterpolation(nominal: Self.nominal, up: Self.nominal.map { $0 * 1.03 + 0.5 },
                                           down: Self.nominal.map { $0 * 0.99 }, code: .code0)
        let n1 = try NormSysInterpolation(up: 1.05, down: 0.93), n2 = try NormSysInterpolation(up: 1.2, down: 0.9, code: .code1)
        let sample = try MorphingSample(name: "s", nominal: Self.nominal, histoSys: [h1, h2], histoSysParameters: [0, 2],
                                        normSys: [n1, n2], normSysParameters: [1, 3])
        let point = [0.4, -0.6, -1.3, 0.8]
        var values = [Double](repeating: 0, count: 5), gradient = [Double](repeating: 0, count: 20)
        sample.evaluate(at: point, into: &values, gradient: &gradient)
        for b in 0..<5 {
            let expected = (Self.nominal[b] + h1.delta(0.4, bin: b) + h2.delta(-1.3, bin: b)) * n1.factor(-0.6) * n2.factor(0.8)
            #expect(abs(values[b] - expected) < 1e-12 * max(1, expected))
        }
        var none: [Double] = [], plus = values, minus = values
        for (row, k) in sample.modifierParameters.enumerated() {
            var p = point, m = point
            p[k] += 1e-6
            m[k] -= 1e-6
            sample.evaluate(at: p, into: &plus, gradient: &none)
            sample.evaluate(at: m, into: &minus, gradient: &none)
            for b in 0..<5 {
                let fd = (plus[b] - minus[b]) / 2e-6
                #expect(abs(fd - gradient[row * 5 + b]) < 1e-6 * max(1, abs(fd)), "row \(row) bin \(b)")
            }
        }
    }

    @Test func badModifiersAreErrors() {
        #expect(throws: StatisticsError.self) { try HistoSysInterpolation(nominal: [1, 2], up: [1], down: [1, 2]) }
        #expect(throws: StatisticsError.self) { try NormSysInterpolation(up: -1, down: 0.9) }
        #expect(throws: StatisticsError.self) { try HistoSysInterpolation(nominal: [1], up: [1], down: [1], code: .code4) }
    }

    /// (e) pyhf 0.7.6 on a one-sample workspace (histosys `shape` + normsys `norm`): nue's values
    /// at 9 points spanning every branch agree to 10⁻¹² relative for (code4p, code4) and (code0, code1).
    @Test(.enabled(if: PythonModules.hasPyhf, "pyhf is not importable by python3"),
          arguments: [("code4p", "code4"), ("code0", "code1")])
    func agreesWithPyhf(histoCode: String, normCode: String) throws {
        let u = 1.1, d = 0.85
        let points: [[Double]] = [[0, 0], [0.5, -0.3], [1.5, 2], [-1.7, -1.2], [0.999, -0.999], [-0.2, 0.7], [1, 1], [-1, -1], [-0.05, 0.05]]
        let input: [String: Any] = ["nominal": Self.nominal, "histosys_up": Self.up, "histosys_down": Self.down,
                                    "normsys_up": u, "normsys_down": d, "points": points,
                                    "histosys_code": histoCode, "normsys_code": normCode]
        let json = try PythonScript.json("scripts/pyhf_interpolation_check.py", input: input)
        let expected = try #require(json["expected"] as? [[Double]])
        #expect(json["pyhf_version"] as? String == "0.7.6")
        let sample = try MorphingSample(
            name: "sample", nominal: Self.nominal,
            histoSys: [try HistoSysInterpolation(nominal: Self.nominal, up: Self.up, down: Self.down, code: InterpolationCode(rawValue: histoCode)!)],
            histoSysParameters: [0],
            normSys: [try NormSysInterpolation(up: u, down: d, code: InterpolationCode(rawValue: normCode)!)], normSysParameters: [1])
        var values = [Double](repeating: 0, count: Self.nominal.count), none: [Double] = []
        for (k, point) in points.enumerated() {
            sample.evaluate(at: point, into: &values, gradient: &none)
            for b in values.indices {
                #expect(isApproximatelyEqual(values[b], expected[k][b], relativeTolerance: 1e-12, absoluteTolerance: 1e-12),
                        "point \(point) bin \(b): nue \(values[b]) pyhf \(expected[k][b])")
            }
        }
    }
}
