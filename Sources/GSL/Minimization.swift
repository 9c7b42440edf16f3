import CGSL

/// The outcome of a minimization; `status` says whether it may be trusted.
public struct MinimizationResult: Sendable {
    public enum Status: String, Sendable {
        case converged
        case maxIterations = "max-iterations"
    }
    public let x: [Double]
    public let value: Double
    public let iterations: Int
    public let status: Status
}

/// Minimization with GSL: Brent in one dimension, Nelder–Mead (nmsimplex2) in N dimensions.
public enum Minimization {
    /// Minimum of `f` on [lower, upper] by Brent's method, starting from `guess` (which must
    /// satisfy f(guess) < f(lower), f(upper); if not, the lower of the end points is returned
    /// as a bounded minimum).
    public static func brent(
        _ f: @escaping (Double) -> Double, lower: Double, upper: Double, guess: Double,
        absoluteTolerance: Double = 1e-7, relativeTolerance: Double = 1e-7, maxIterations: Int = 200
    ) throws -> MinimizationResult {
        GSLRuntime.prepare()
        let fl = f(lower), fu = f(upper), fg = f(guess)
        if !(fg < fl && fg < fu) {
            let atLower = fl <= fu
            return MinimizationResult(x: [atLower ? lower : upper], value: atLower ? fl : fu, iterations: 0, status: .converged)
        }
        let minimizer = gsl_min_fminimizer_alloc(cgsl_min_fminimizer_brent())!
        defer { gsl_min_fminimizer_free(minimizer) }
        return try FunctionBox(f).withGSLFunction { fn in
            try GSLError.check(gsl_min_fminimizer_set_with_values(minimizer, &fn, guess, fg, lower, fl, upper, fu), "Brent minimizer set-up")
            for iteration in 1...maxIterations {
                try GSLError.check(gsl_min_fminimizer_iterate(minimizer), "Brent minimizer iteration")
                let lo = gsl_min_fminimizer_x_lower(minimizer), hi = gsl_min_fminimizer_x_upper(minimizer)
                if gsl_min_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == GSL_SUCCESS {
                    return MinimizationResult(x: [gsl_min_fminimizer_x_minimum(minimizer)],
                                              value: gsl_min_fminimizer_f_minimum(minimizer),
                                              iterations: iteration, status: .converged)
                }
            }
            return MinimizationResult(x: [gsl_min_fminimizer_x_minimum(minimizer)],
                                      value: gsl_min_fminimizer_f_minimum(minimizer),
                                      iterations: maxIterations, status: .maxIterations)
        }
    }

    /// Minimum of `f` over ℝⁿ by the Nelder–Mead simplex (`gsl_multimin_fminimizer_nmsimplex2`),
    /// converged when the simplex size falls below `sizeTolerance`.
    public static func simplex(
        _ f: @escaping ([Double]) -> Double, start: [Double], stepSizes: [Double],
        sizeTolerance: Double = 1e-8, maxIterations: Int = 5000
    ) throws -> MinimizationResult {
        GSLRuntime.prepare()
        let n = start.count
        guard n > 0, stepSizes.count == n else { throw GSLError("simplex: start and step sizes must have the same, non-zero length") }
        final class Box { let f: ([Double]) -> Double; let n: Int; init(_ f: @escaping ([Double]) -> Double, _ n: Int) { self.f = f; self.n = n } }
        let box = Box(f, n)
        var function = gsl_multimin_function(
            f: { v, params in
                let b = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
                var x = [Double](repeating: 0, count: b.n)
                for i in 0..<b.n { x[i] = gsl_vector_get(v, i) }
                let y = b.f(x)
                return y.isFinite ? y : Double.greatestFiniteMagnitude
            },
            n: n, params: Unmanaged.passUnretained(box).toOpaque())
        let x0 = gsl_vector_alloc(n)!, steps = gsl_vector_alloc(n)!
        defer { gsl_vector_free(x0); gsl_vector_free(steps) }
        for i in 0..<n { gsl_vector_set(x0, i, start[i]); gsl_vector_set(steps, i, stepSizes[i]) }
        let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_fminimizer_nmsimplex2(), n)!
        defer { gsl_multimin_fminimizer_free(minimizer) }
        return try withExtendedLifetime(box) {
            try GSLError.check(gsl_multimin_fminimizer_set(minimizer, &function, x0, steps), "simplex set-up")
            func current(_ iterations: Int, _ status: MinimizationResult.Status) -> MinimizationResult {
                let xv = gsl_multimin_fminimizer_x(minimizer)!
                return MinimizationResult(x: (0..<n).map { gsl_vector_get(xv, $0) },
                                          value: gsl_multimin_fminimizer_minimum(minimizer),
                                          iterations: iterations, status: status)
            }
            for iteration in 1...maxIterations {
                let status = gsl_multimin_fminimizer_iterate(minimizer)
                if status == GSL_ENOPROG { return current(iteration, .converged) }
                try GSLError.check(status, "simplex iteration")
                if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), sizeTolerance) == GSL_SUCCESS {
                    return current(iteration, .converged)
                }
            }
            return current(maxIterations, .maxIterations)
        }
    }
}
