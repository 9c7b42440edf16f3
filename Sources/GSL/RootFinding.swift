import CGSL

/// Bracketing root finding with GSL's Brent–Dekker solver.
public enum RootFinding {
    /// The root of `f` in [lower, upper]; `f(lower)` and `f(upper)` must differ in sign.
    /// Converges when the bracket is below `absoluteTolerance + relativeTolerance·|x|`.
    public static func brent(
        _ f: @escaping (Double) -> Double, lower: Double, upper: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10, maxIterations: Int = 200
    ) throws -> Double {
        GSLRuntime.prepare()
        let fl = f(lower), fu = f(upper)
        guard fl.isFinite, fu.isFinite else {
            throw GSLError("root finding: function not finite at the bracket [\(lower), \(upper)]")
        }
        if fl == 0 { return lower }
        if fu == 0 { return upper }
        guard (fl < 0) != (fu < 0) else {
            throw GSLError("root finding: no sign change on [\(lower), \(upper)] (f = \(fl), \(fu))")
        }
        let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent())!
        defer { gsl_root_fsolver_free(solver) }
        return try FunctionBox(f).withGSLFunction { fn in
            try GSLError.check(gsl_root_fsolver_set(solver, &fn, lower, upper), "Brent root set-up")
            for _ in 0..<maxIterations {
                try GSLError.check(gsl_root_fsolver_iterate(solver), "Brent root iteration")
                let lo = gsl_root_fsolver_x_lower(solver), hi = gsl_root_fsolver_x_upper(solver)
                if gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == GSL_SUCCESS {
                    return gsl_root_fsolver_root(solver)
                }
            }
            throw GSLError(status: Int32(GSL_EMAXITER), context: "Brent root finding after \(maxIterations) iterations")
        }
    }

    /// Expands `[lower, upper]` geometrically upward until `f` changes sign, then solves.
    /// For monotone increasing test statistics whose crossing point is not known in advance.
    public static func brentExpandingUpward(
        _ f: @escaping (Double) -> Double, lower: Double, initialUpper: Double,
        growth: Double = 4, maxExpansions: Int = 60,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10
    ) throws -> Double {
        let fl = f(lower)
        var upper = initialUpper
        var expansions = 0
        while (f(upper) < 0) == (fl < 0) {
            expansions += 1
            guard expansions <= maxExpansions else {
                throw GSLError("root finding: no sign change up to \(upper)")
            }
            upper *= growth
        }
        return try brent(f, lower: lower, upper: upper,
                         absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    }
}
