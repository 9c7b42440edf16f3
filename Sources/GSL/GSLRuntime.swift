import CGSL

/// Process-wide GSL set-up. GSL's default error handler calls `abort()`; nue turns it off once,
/// before any concurrent use (Swift runs a global's initializer exactly once, thread-safely),
/// and converts every status code into a `GSLError` instead.
public enum GSLRuntime {
    private static let handlerOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Call before any GSL routine that may report an error. Cheap after the first call.
    @inlinable
    public static func prepare() { _ = isPrepared }

    @usableFromInline
    static var isPrepared: Bool { handlerOff }
}
