import CGSL

/// The GSL module's one error type: a GSL routine returned a non-zero status (with GSL's own
/// reason and what nue was doing), or a numerical result is not usable (NaN, infinite, outside
/// a documented domain, a root that cannot be bracketed).
public struct GSLError: Error, CustomStringConvertible, Sendable {
    /// The GSL status code (`GSL_EDIVERGE`, `GSL_EMAXITER`, …); nil for nue's own checks.
    public let status: Int32?
    /// What went wrong, written for the user.
    public let description: String

    /// A GSL routine's failure: `GSL error in <context>: <gsl_strerror> (status N)`.
    public init(status: Int32, context: String) {
        self.status = status
        description = "GSL error in \(context): \(String(cString: gsl_strerror(status))) (status \(status))"
    }

    /// A numerical result that is not usable.
    public init(_ message: String) {
        status = nil
        description = message
    }

    /// Throws when `status` is not `GSL_SUCCESS`.
    @inlinable
    public static func check(_ status: Int32, _ context: @autoclosure () -> String) throws(GSLError) {
        if status != GSL_SUCCESS { throw GSLError(status: status, context: context()) }
    }
}
