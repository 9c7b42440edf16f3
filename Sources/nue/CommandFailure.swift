import ArgumentParser

/// A failure the user can act on: bad input (a value out of its range, an unreadable or invalid
/// file, a refused resume) or a runtime failure (an unwritable output, a fit with no solution).
///
/// The exit-code contract: usage errors (an unknown option, a missing value, text where a
/// number belongs) are ArgumentParser's own and exit 64 with the usage text. Everything else
/// throws `CommandFailure`, which ArgumentParser treats as any other error: it prints
/// `Error: <description>` — one line, no usage text — and exits 1 (`ExitCode.failure`).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// The library error's own sentence.
    init(_ error: any Error) { self.description = "\(error)" }
}

/// Runs library code; its errors become `CommandFailure` (exit 1, one line). ArgumentParser's
/// own errors (`ValidationError`, `ExitCode`, `CleanExit`) pass unchanged.
func runtime<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as CommandFailure { throw error } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode { throw error } catch let error as CleanExit { throw error } catch {
        throw CommandFailure(error)
    }
}

/// A count option read as a number, checked before any integer conversion: finite, whole and
/// within `range`, else bad input naming the option and the range ("1e30" or "inf" never reach
/// `Int(_:)`).
func wholeNumber(_ value: Double, _ name: String, in range: ClosedRange<Int>) throws -> Int {
    guard value.isFinite, value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
        throw CommandFailure("\(name) must be a whole number in \(range.lowerBound)…\(range.upperBound), got \(formatCount(value))")
    }
    return Int(value)
}

/// `1e+30`, `inf`, `2.5`, `1000` as the user would recognize them.
private func formatCount(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}
