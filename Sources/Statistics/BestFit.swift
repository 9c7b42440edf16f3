/// The global best fit θ̂ ≥ 0 (bounded at the physical boundary) with λ_p(θ̂).
public struct BestFit: Sendable {
    /// θ̂ ≥ 0.
    public var theta: Double
    /// λ_p(θ̂) = min over θ ≥ 0 and ν.
    public var value: Double
    /// ν̂(θ̂).
    public var nuisances: NuisanceParameters
    /// `atBound` when θ̂ = 0 is on the boundary; `failed` when the minimum was not found.
    public var status: FitStatus
    /// λ_p′(θ̂) (≥ 0 at the boundary, ≈ 0 inside) and λ_p″(θ̂): the local quadratic model
    /// that seeds the upper-limit search (NaN when unknown).
    public var slope: Double = .nan
    public var curvature: Double = .nan
}
