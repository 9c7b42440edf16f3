import CGSL

/// The result of a numerical integral: value and GSL's error estimate (same unit as the value).
public struct IntegrationResult: Sendable {
    public let value: Double
    public let absoluteError: Double
}

/// Adaptive quadrature of Swift closures with GSL (QUADPACK's QAGS/QAG and the doubly-adaptive
/// CQUAD). One `Integrator` owns its workspaces: use one per task. Every GSL failure (a
/// divergent integral, round-off, the iteration limit) is thrown as `GSLError`, never aborts.
public final class Integrator {
    public let limit: Int
    private let workspace: UnsafeMutablePointer<gsl_integration_workspace>
    private let cquadWorkspace: UnsafeMutablePointer<gsl_integration_cquad_workspace>

    public init(limit: Int = 1000) {
        GSLRuntime.prepare()
        self.limit = limit
        workspace = gsl_integration_workspace_alloc(limit)!
        cquadWorkspace = gsl_integration_cquad_workspace_alloc(200)!
    }

    deinit {
        gsl_integration_workspace_free(workspace)
        gsl_integration_cquad_workspace_free(cquadWorkspace)
    }

    /// ∫ₐᵇ f(x) dx with QAGS (21-point Gauss–Kronrod with Wynn-ε extrapolation): handles
    /// integrable end-point singularities.
    public func qags(
        _ f: @escaping (Double) -> Double, from a: Double, to b: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10
    ) throws -> IntegrationResult {
        try checkLimits(a, b)
        var value = 0.0, error = 0.0
        let status = FunctionBox(f).withGSLFunction { fn in
            gsl_integration_qags(&fn, a, b, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error)
        }
        try GSLError.check(status, "QAGS integral over [\(a), \(b)]")
        return try finite(value, error)
    }

    /// ∫ₐᵇ f(x) dx with QAG using the 61-point Gauss–Kronrod rule: best for smooth integrands.
    public func qag(
        _ f: @escaping (Double) -> Double, from a: Double, to b: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10
    ) throws -> IntegrationResult {
        try checkLimits(a, b)
        var value = 0.0, error = 0.0
        let status = FunctionBox(f).withGSLFunction { fn in
            gsl_integration_qag(&fn, a, b, absoluteTolerance, relativeTolerance, limit, Int32(GSL_INTEG_GAUSS61), workspace, &value, &error)
        }
        try GSLError.check(status, "QAG integral over [\(a), \(b)]")
        return try finite(value, error)
    }

    /// ∫ₐᵇ f(x) dx with CQUAD: robust for integrands with kinks, NaN-free singularities.
    public func cquad(
        _ f: @escaping (Double) -> Double, from a: Double, to b: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-10
    ) throws -> IntegrationResult {
        try checkLimits(a, b)
        var value = 0.0, error = 0.0
        var evaluations = 0
        let status = FunctionBox(f).withGSLFunction { fn in
            gsl_integration_cquad(&fn, a, b, absoluteTolerance, relativeTolerance, cquadWorkspace, &value, &error, &evaluations)
        }
        try GSLError.check(status, "CQUAD integral over [\(a), \(b)]")
        return try finite(value, error)
    }

    private func checkLimits(_ a: Double, _ b: Double) throws {
        guard a.isFinite, b.isFinite else { throw GSLError("integration limits must be finite, got [\(a), \(b)]") }
    }

    private func finite(_ value: Double, _ error: Double) throws -> IntegrationResult {
        guard value.isFinite else { throw GSLError("integral is not finite (\(value))") }
        return IntegrationResult(value: value, absoluteError: error)
    }
}
