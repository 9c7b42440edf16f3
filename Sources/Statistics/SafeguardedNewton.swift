/// Newton–Raphson kept inside a sign-changing bracket, bisecting whenever the Newton step
/// leaves the bracket or does not halve the residual fast enough ("rtsafe": Press et al.,
/// Numerical Recipes, 3rd ed., §9.4). Quadratic convergence near the root, never diverges.
/// The fitter's hot path uses it with analytic derivatives; the Asimov limit uses GSL's Brent
/// (a different algorithm), and the tests check that both agree.
@usableFromInline
enum SafeguardedNewton {
    /// The root of `f` in [lower, upper], given f(lower) and f(upper) of opposite signs.
    /// `f` returns (value, derivative). A non-finite value marks an invalid point, assumed to
    /// lie on the side where f > 0 (large θ). `valueAtStart` reuses a known (f, f′) at `start`.
    /// Returns nil when not converged in `maxIterations`.
    @inlinable
    static func root(
        lower: Double, upper: Double, valueAtLower: Double, valueAtUpper: Double,
        start: Double, absoluteTolerance: Double, maxIterations: Int = 100,
        valueAtStart: (value: Double, derivative: Double)? = nil,
        _ f: (Double) -> (value: Double, derivative: Double)
    ) -> Double? {
        if valueAtLower == 0 { return lower }
        if valueAtUpper == 0 { return upper }
        guard (valueAtLower < 0) != (valueAtUpper < 0) else { return nil }
        // Orient so that f(xl) < 0 < f(xh).
        var xl = valueAtLower < 0 ? lower : upper
        var xh = valueAtLower < 0 ? upper : lower
        var x = min(max(start, min(lower, upper)), max(lower, upper))
        var dxOld = abs(upper - lower)
        var dx = dxOld
        var (fx, dfx) = valueAtStart != nil && x == start ? valueAtStart! : f(x)
        for _ in 0..<maxIterations {
            if !fx.isFinite { // an invalid point lies on the high side: shrink the bracket there
                xh = x
                x = 0.5 * (xl + xh)
                (fx, dfx) = f(x)
                continue
            }
            if fx == 0 { return x }
            let outOfRange = ((x - xh) * dfx - fx) * ((x - xl) * dfx - fx) > 0
            if outOfRange || !dfx.isFinite || abs(2 * fx) > abs(dxOld * dfx) {
                dxOld = dx
                dx = 0.5 * (xh - xl)
                x = xl + dx
                if xl == x { return x }
            } else {
                dxOld = dx
                dx = fx / dfx
                let previous = x
                x -= dx
                if previous == x { return x }
            }
            if abs(dx) < absoluteTolerance { return x }
            (fx, dfx) = f(x)
            if fx < 0 { xl = x } else { xh = x }
        }
        return nil
    }
}
