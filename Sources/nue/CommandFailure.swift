/// A failure the user can act on: bad input (a value out of its range, an unreadable or invalid
/// file) or a runtime failure (an unwritable output, a fit with no solution). ArgumentParser
/// prints `Error: <description>` on one line, without the usage text, and exits 1. Usage errors
/// (an unknown option, a missing value, text where a number belongs) stay ArgumentParser's own:
/// exit 64 with the usage text.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// The library error's own sentence.
    init(_ error: any Error) { self.description = "\(error)" }
}
