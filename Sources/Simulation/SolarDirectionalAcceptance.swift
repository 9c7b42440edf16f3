import Foundation
import Physics

/// The probability that a solar ν–e recoil passes the cut cos θ_reco > c on its reconstructed
/// angle to the source axis (docs/physics.md §15.4), as a function of its kinematic scattering
/// angle v = cos θ_e to the neutrino (§1.1), averaged over the year:
///
///     h(v) = Σ_k p_k (1/π) ∫₀^π dφ P(c | u_k v + √(1 − u_k²) √(1 − v²) cos φ)
///
/// p_k the yearly distribution of u = cos ψ between the neutrino's direction and the axis
/// (`SolarDirection`, §13.6, on its bin centres), φ the electron's azimuth about the neutrino
/// (uniform), P(c | cos θ) the passing probability of `DirectionalCut` for the vMF direction
/// response (§5.8): the composition of the three rotation-invariant steps (Sun → ν, ν → e, e → e_reco)
/// needs only the angle between each pair. The φ integral is a 48-point Gauss–Legendre rule on
/// [0, π]; h is tabulated at `points` values of v ∈ [0, 1] (recoils go forward, v ≥ 0) and
/// interpolated linearly. For an isotropic u distribution h(v) = (1 − c)/2 for every v.
public struct SolarDirectionalAcceptance: Sendable {
    public let cut: DirectionalCut
    /// h at v_i = i/(n − 1).
    public let table: [Double]

    public init(direction: SolarDirection, cut: DirectionalCut, points: Int = 201) throws {
        try SimulationError.require(Double(points), "solar acceptance table points", "must be ≥ 2") { $0 >= 2 }
        self.cut = cut
        let rule = GaussLegendre(points: 48)
        var nodes: [(Double, Double)] = []
        rule.forEachNode(from: 0, to: Double.pi) { x, w in nodes.append((cos(x), w / Double.pi)) }
        let bins = direction.probabilities.count
        let cosines = (0..<bins).map { -1 + (Double($0) + 0.5) * 2 / Double(bins) }
        table = (0..<points).map { i in
            let v = Double(i) / Double(points - 1)
            let sv = (max(0, 1 - v * v)).squareRoot()
            var h = 0.0
            for (k, p) in direction.probabilities.enumerated() where p > 0 {
                let u = cosines[k], su = (max(0, 1 - u * u)).squareRoot()
                var ring = 0.0
                for (cphi, w) in nodes { ring += w * cut.passingProbability(trueCosine: u * v + su * sv * cphi) }
                h += p * ring
            }
            return h
        }
    }

    /// h(v) for v = cos θ_e ∈ [−1, 1] (clamped to [0, 1]), dimensionless.
    public func acceptance(electronCosine v: Double) -> Double {
        let n = table.count
        let x = Swift.max(0, Swift.min(1, v)) * Double(n - 1)
        let i = Swift.min(n - 2, Int(x))
        let t = x - Double(i)
        return table[i] + t * (table[i + 1] - table[i])
    }
}
