/// The profiled statistic at one value of the parameter of interest:
/// λ_p(θ) = min over the nuisances ν of [Σ_i f(μ_i(θ, ν), d_i) + Σ_a (ν_a − ν₀_a)²/σ_a²],
/// with its first and second derivatives in θ (envelope theorem and Schur complement:
/// λ_p′ = ∂λ/∂θ, λ_p″ = ∂²λ/∂θ² − H_θν H_νν⁻¹ H_νθ at ν̂(θ)).
public struct ProfilePoint: Sendable {
    /// θ.
    public var theta: Double
    /// λ_p(θ); `.infinity` at an invalid point (negative expected counts, or data in a bin
    /// with zero expectation). NaN when the caller asked for derivatives only.
    public var value: Double
    /// dλ_p/dθ.
    public var derivative: Double
    /// d²λ_p/dθ².
    public var secondDerivative: Double
    /// ν̂(θ): the profiled nuisances.
    public var nuisances: NuisanceParameters
    /// Status of the nuisance fit.
    public var status: FitStatus

    /// Whether the point is valid (all expected counts usable).
    public var isValid: Bool { !(value == .infinity) && status != .failed }
}
