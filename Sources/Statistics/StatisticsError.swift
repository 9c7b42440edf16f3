/// A statistical computation that cannot proceed, with a message written for the user.
///
/// Thrown for inconsistent input (templates of different lengths, negative counts, a
/// confidence level outside (0, 1)) and for fits or root searches that fail; never a crash.
public struct StatisticsError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
