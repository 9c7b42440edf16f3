/// How a HistFactory modifier interpolates between its nominal and ±1σ variations as a function
/// of its nuisance parameter α (α = 0 nominal, ±1 the ±1σ variations). The names and formulas are
/// those of the HistFactory note (Cranmer et al., CERN-OPEN-2012-016, §4.1) and of pyhf
/// (`pyhf.interpolators`, v0.7.6), which the cross-check test compares with (docs/physics.md §16.3):
///
/// - `code0`: piecewise linear, additive — δ(α) = α(I⁺ − I⁰) for α > 0, α(I⁰ − I⁻) for α ≤ 0
///   (histosys; as a normsys factor: 1 + α(u − 1) or 1 + α(1 − d), u = I⁺/I⁰, d = I⁻/I⁰);
/// - `code1`: piecewise exponential, multiplicative — f(α) = u^α for α ≥ 0, d^(−α) for α < 0 (normsys);
/// - `code4`: the normsys default of pyhf — a degree-6 polynomial 1 + Σᵢ aᵢ αⁱ for |α| < 1 whose
///   value, first and second derivatives match those of the exponential u^α, d^(−α) used for
///   |α| ≥ 1 (C² continuous, no kink at 0);
/// - `code4p`: the histosys default of pyhf — additive; for |α| ≤ 1
///   δ(α) = α S + α² (15 + α² (3α² − 10)) A, S = (δ⁺ + δ⁻)/2, A = (δ⁺ − δ⁻)/16
///   (δ⁺ = I⁺ − I⁰, δ⁻ = I⁰ − I⁻), linear α δ⁺ (α > 1) and α δ⁻ (α < −1) outside: C¹ at ±1, smooth
///   at 0, exact at α = 0, ±1.
public enum InterpolationCode: String, Sendable, CaseIterable, Codable {
    case code0
    case code1
    case code4
    case code4p
}
