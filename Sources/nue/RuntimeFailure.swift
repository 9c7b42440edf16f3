import ArgumentParser
import GSL
import Output
import Simulation
import Statistics

/// A failure while running (a missing or corrupt input file, an unwritable output, a refused
/// resume), as opposed to a usage error.
///
/// The exit-code contract: usage errors throw `ValidationError` (ArgumentParser prints the
/// message with the usage text and exits 64); runtime failures throw `RuntimeFailure`, which
/// ArgumentParser treats as any other error: it prints `Error: <description>` — one line, no
/// usage text — and exits 1 (`ExitCode.failure`). Commands adopt it by wrapping their
/// library calls in `runtime { … }`.
struct RuntimeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, turning the library's errors into `RuntimeFailure` (exit 1, one line).
func runtime<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw RuntimeFailure.wrapping(error) }
}

extension RuntimeFailure {
    /// The library's error types as a `RuntimeFailure`; any other error unchanged.
    static func wrapping(_ error: Error) -> Error {
        switch error {
        case let e as StatisticsError: RuntimeFailure(e.description)
        case let e as OutputError: RuntimeFailure(e.description)
        case let e as SimulationError: RuntimeFailure(e.description)
        case let e as NumericalError: RuntimeFailure(e.description)
        default: error
        }
    }
}

/// A count option read as a number, checked before any integer conversion: finite, whole
/// and within `range`, else a usage error naming the option and the range ("1e30" or "inf"
/// never reach `Int(_:)`).
func wholeNumber(_ value: Double, _ name: String, in range: ClosedRange<Int>) throws -> Int {
    guard value.isFinite, value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
        throw ValidationError("\(name) must be a whole number in \(range.lowerBound)…\(range.upperBound), got \(formatCount(value))")
    }
    return Int(value)
}

/// `1e+30`, `inf`, `2.5`, `1000` as the user would recognize them.
private func formatCount(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}
