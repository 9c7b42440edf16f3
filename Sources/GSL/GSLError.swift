import CGSL

/// A GSL routine that returned a non-zero status, with GSL's own reason and what nue was doing.
public struct GSLError: Error, CustomStringConvertible, Sendable {
    /// The GSL status code (`GSL_EDIVERGE`, `GSL_EMAXITER`, …).
    public let status: Int32
    /// GSL's text for the status (`gsl_strerror`).
    public let reason: String
    /// What nue was computing when the routine failed.
    public let context: String

    public init(status: Int32, context: String) {
        self.status = status
        self.reason = String(cString: gsl_strerror(status))
        self.context = context
    }

    public var description: String { "GSL error in \(context): \(reason) (status \(status))" }

    /// Throws when `status` is not `GSL_SUCCESS`.
    @inlinable
    public static func check(_ status: Int32, _ context: @autoclosure () -> String) throws(GSLError) {
        if status != GSL_SUCCESS { throw GSLError(status: status, context: context()) }
    }
}

/// A numerical result that is not usable (NaN, infinite, or outside a documented domain).
public struct NumericalError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
