import CGSL

/// An interpolating function through tabulated points (`gsl_spline`). Evaluation does not use
/// an accelerator, so a `Spline` is read-only after creation and safe to share between tasks.
public final class Spline: @unchecked Sendable {
    public enum Kind: Sendable {
        case linear
        /// Natural cubic spline.
        case cubic
        /// Steffen's monotonicity-preserving cubic (no overshoot; keeps a density non-negative).
        case steffen
    }

    public let x: [Double]
    public let y: [Double]
    private let spline: UnsafeMutablePointer<gsl_spline>

    /// - Parameters: `x` strictly increasing, `y` finite, same length (≥ 2, ≥ 3 for cubic kinds).
    public init(x: [Double], y: [Double], kind: Kind = .cubic) throws {
        GSLRuntime.prepare()
        guard x.count == y.count else { throw GSLError("spline: \(x.count) x values but \(y.count) y values") }
        let minimum = kind == .linear ? 2 : 3
        guard x.count >= minimum else { throw GSLError("spline: needs at least \(minimum) points, got \(x.count)") }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw GSLError("spline: points must be finite") }
        for i in 1..<x.count where !(x[i] > x[i - 1]) {
            throw GSLError("spline: x must be strictly increasing (x[\(i - 1)] = \(x[i - 1]), x[\(i)] = \(x[i]))")
        }
        let type: UnsafePointer<gsl_interp_type>
        switch kind {
        case .linear: type = cgsl_interp_linear()
        case .cubic: type = cgsl_interp_cspline()
        case .steffen: type = cgsl_interp_steffen()
        }
        spline = gsl_spline_alloc(type, x.count)!
        self.x = x
        self.y = y
        try GSLError.check(gsl_spline_init(spline, x, y, x.count), "spline set-up")
    }

    deinit { gsl_spline_free(spline) }

    public var domain: ClosedRange<Double> { x[0]...x[x.count - 1] }

    /// The interpolated value; 0 outside the tabulated range.
    @inlinable
    public func callAsFunction(_ t: Double) -> Double { value(at: t) }

    public func value(at t: Double) -> Double {
        guard t >= x[0], t <= x[x.count - 1] else { return 0 }
        return gsl_spline_eval(spline, t, nil)
    }

    /// ∫ₐᵇ of the interpolant (clipped to the tabulated range).
    public func integral(from a: Double, to b: Double) -> Double {
        let lo = max(a, x[0]), hi = min(b, x[x.count - 1])
        guard hi > lo else { return 0 }
        return gsl_spline_eval_integ(spline, lo, hi, nil)
    }
}
