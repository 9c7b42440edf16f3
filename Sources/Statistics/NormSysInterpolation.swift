import Foundation

/// A normsys modifier: a factor f(α) multiplying a whole sample, between f(0) = 1 and its ±1σ
/// values u = I⁺/I⁰ and d = I⁻/I⁰ (docs/physics.md §16.3; CERN-OPEN-2012-016 §4.1; pyhf
/// `interpolators.code0/code1/code4`):
///
///     code0: f = 1 + α(u − 1) (α > 0),  1 + α(1 − d) (α ≤ 0)          linear (exact for an efficiency)
///     code1: f = u^α (α ≥ 0),  d^(−α) (α < 0)                           exponential
///     code4: f = u^α (α ≥ 1),  d^(−α) (α ≤ −1),  1 + Σ_{i=1}^{6} aᵢ αⁱ (|α| < 1)
///
/// For code4 the aᵢ make f, f′ and f″ continuous at α = ±1. Splitting f − 1 into its odd part
/// (a₁, a₃, a₅) and even part (a₂, a₄, a₆), the six conditions decouple into two 3×3 systems whose
/// solution is, with p₀ = (u − d)/2, p₁ = (u ln u − d ln d)/2, p₂ = (u ln²u − d ln²d)/2 and
/// q₀ = (u + d)/2 − 1, q₁ = (u ln u + d ln d)/2, q₂ = (u ln²u + d ln²d)/2:
///
///     a₁ = (15p₀ − 7p₁ + p₂)/8,   a₃ = (−5p₀ + 5p₁ − p₂)/4,   a₅ = (3p₀ − 3p₁ + p₂)/8
///     a₂ = 3q₀ − 9q₁/8 + q₂/8,    a₄ = −3q₀ + 7q₁/4 − q₂/4,   a₆ = q₀ − 5q₁/8 + q₂/8
///
/// (the rows of pyhf's A⁻¹ at α₀ = 1). u, d > 0 for code1 and code4.
public struct NormSysInterpolation: Sendable {
    public let code: InterpolationCode
    /// u = I⁺/I⁰ and d = I⁻/I⁰.
    public let up: Double
    public let down: Double
    let logUp: Double
    let logDown: Double
    /// a₁ … a₆ of code4 (zero otherwise).
    let a: (Double, Double, Double, Double, Double, Double)

    /// - Throws: `StatisticsError` for non-finite factors, factors ≤ 0 with code1/code4, or code4p.
    public init(up: Double, down: Double, code: InterpolationCode = .code4) throws {
        guard code != .code4p else { throw StatisticsError("normsys interpolation code4p is not available (choose code0, code1 or code4)") }
        guard up.isFinite, down.isFinite else { throw StatisticsError("normsys factors must be finite (up \(up), down \(down))") }
        if code != .code0 {
            guard up > 0, down > 0 else {
                throw StatisticsError("normsys \(code.rawValue) needs factors > 0 (up \(up), down \(down))")
            }
        }
        self.code = code
        self.up = up
        self.down = down
        logUp = up > 0 ? log(up) : 0
        logDown = down > 0 ? log(down) : 0
        if code == .code4 {
            let lu = logUp, ld = logDown
            let p0 = (up - down) / 2, p1 = (up * lu - down * ld) / 2, p2 = (up * lu * lu - down * ld * ld) / 2
            let q0 = (up + down) / 2 - 1, q1 = (up * lu + down * ld) / 2, q2 = (up * lu * lu + down * ld * ld) / 2
            a = ((15 * p0 - 7 * p1 + p2) / 8, 3 * q0 - 9 * q1 / 8 + q2 / 8,
                 (-5 * p0 + 5 * p1 - p2) / 4, -3 * q0 + 7 * q1 / 4 - q2 / 4,
                 (3 * p0 - 3 * p1 + p2) / 8, q0 - 5 * q1 / 8 + q2 / 8)
        } else {
            a = (0, 0, 0, 0, 0, 0)
        }
    }

    /// f(α).
    public func factor(_ alpha: Double) -> Double { valueAndDerivative(alpha).value }

    /// df/dα.
    public func derivative(_ alpha: Double) -> Double { valueAndDerivative(alpha).derivative }

    /// (f(α), df/dα).
    public func valueAndDerivative(_ alpha: Double) -> (value: Double, derivative: Double) {
        switch code {
        case .code0:
            let slope = alpha > 0 ? up - 1 : 1 - down
            return (1 + alpha * slope, slope)
        case .code1:
            if alpha >= 0 { let f = exp(alpha * logUp); return (f, f * logUp) }
            let f = exp(-alpha * logDown)
            return (f, -f * logDown)
        default:
            if alpha >= 1 { let f = exp(alpha * logUp); return (f, f * logUp) }
            if alpha <= -1 { let f = exp(-alpha * logDown); return (f, -f * logDown) }
            let (a1, a2, a3, a4, a5, a6) = a
            let value = 1 + alpha * (a1 + alpha * (a2 + alpha * (a3 + alpha * (a4 + alpha * (a5 + alpha * a6)))))
            let slope = a1 + alpha * (2 * a2 + alpha * (3 * a3 + alpha * (4 * a4 + alpha * (5 * a5 + alpha * 6 * a6))))
            return (value, slope)
        }
    }
}
