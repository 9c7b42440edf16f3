/// Bad input to the DUNE-like argon study, with a message written for the user.
public struct ArgonStudyError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// Throws unless `value` is finite and satisfies `condition`.
    static func require(_ value: Double, _ name: String, _ requirement: String, _ condition: (Double) -> Bool) throws(ArgonStudyError) {
        guard value.isFinite, condition(value) else {
            throw ArgonStudyError("\(name) = \(value): \(requirement)")
        }
    }
}
