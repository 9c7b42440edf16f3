import Foundation

/// Number formatting shared by the writers.
public enum NumberFormatting {
    /// `value` rounded to `digits` significant digits, trailing zeros kept:
    /// fixed notation for 10⁻³ ≤ |x| < 10⁶ (`3000`, `0.00700`, `12.3`), otherwise scientific with
    /// a bare exponent (`2.93e-11`, `2.80e22`). Zero is `0`. Non-finite: `nan`, `inf`, `-inf`.
    public static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let digits = max(1, digits)
        if value == 0 { return "0" }
        // Round once in scientific form so that 9.996 → 1.00e1 moves the exponent correctly.
        let scientific = String(format: "%.\(digits - 1)e", value)
        guard let eIndex = scientific.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(scientific[scientific.index(after: eIndex)...]) else { return scientific }
        if exponent >= -3 && exponent < 6 {
            let decimals = max(0, digits - 1 - exponent)
            return String(format: "%.\(decimals)f", value)
        }
        return String(scientific[..<eIndex]) + "e\(exponent)"
    }

    /// The shortest text that reads back to exactly `value` (CSV and JSON): `3000`, `0.007`,
    /// `2.9e-11`, `1e+23`. Integral values below 10¹⁵ print without a decimal point.
    public static func roundTrip(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
