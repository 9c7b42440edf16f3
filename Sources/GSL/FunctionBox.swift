import CGSL

/// Carries a Swift closure through GSL's `void *params` (GSL callbacks are C function pointers
/// that capture nothing). Keep the box alive for the duration of the GSL call.
@usableFromInline
final class FunctionBox {
    @usableFromInline let body: (Double) -> Double
    @usableFromInline init(_ body: @escaping (Double) -> Double) { self.body = body }

    /// Runs `work` with a `gsl_function` that calls `body`.
    @usableFromInline
    func withGSLFunction<R>(_ work: (inout gsl_function) throws -> R) rethrows -> R {
        var function = gsl_function(
            function: { x, params in
                Unmanaged<FunctionBox>.fromOpaque(params!).takeUnretainedValue().body(x)
            },
            params: Unmanaged.passUnretained(self).toOpaque())
        return try withExtendedLifetime(self) { try work(&function) }
    }
}
