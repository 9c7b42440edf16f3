import Foundation
import GSL
import Physics

/// A cut cos θ_reco > c on the angle between the reconstructed electron direction and the
/// direction from the source, for the von Mises–Fisher direction smearing of `DetectorResponse`
/// (`smearedCosine`, concentration κ = 1/σ_θ² from `DetectorResponse.vonMisesConcentration`). The probability that an electron whose true
/// direction makes the angle θ with the source axis passes the cut is
///
///     P(c | θ) = κ / (2 sinh κ) ∫_c^1 dx e^{κ x cos θ} I₀(κ sin θ √(1 − x²))
///
/// (the vMF density κ e^{κ n·n′} / (4π sinh κ) on the sphere, Mardia & Jupp, *Directional
/// Statistics* (2000) §9.3.2, integrated over the azimuth of n′ about the source axis with
/// ∫₀^{2π} e^{a cos φ} dφ = 2π I₀(a), Abramowitz & Stegun 9.6.16). It is evaluated with the scaled
/// Bessel function e^{−|a|} I₀(a) (GSL) and GSL QAG at `tablePoints` angles uniform in θ ∈ [0, π],
/// and interpolated cubically (Catmull–Rom) in between: relative accuracy ≲ 10⁻⁴ for σ_θ ≥ 5°.
/// σ_θ = 0 gives the step P = [cos θ > c]; c ≤ −1 passes everything. Isotropic populations
/// (⁴²Ar/⁴²K decays) pass with (1 − c)/2 whatever σ_θ (`IsotropicDirection`).
public struct DirectionalCut: Sendable, Equatable {
    /// σ_θ of the direction response, degrees (≥ 0).
    public let resolutionDegrees: Double
    /// The cut c on cos θ_reco, in [−1, 1).
    public let cosineCut: Double
    /// κ = 1/σ_θ² (σ_θ in radians); +∞ for a perfect direction.
    public let concentration: Double
    /// P(c | θ_i) at θ_i = i·π/(n − 1).
    @usableFromInline let table: [Double]

    /// - Parameters:
    ///   - resolutionDegrees: σ_θ in degrees, finite and in [0, 180].
    ///   - cosineCut: c in [−1, 1).
    ///   - tablePoints: angles tabulated in [0, π] (≥ 16; default 721, every 0.25°).
    public init(resolutionDegrees: Double, cosineCut: Double, tablePoints: Int = 721) throws {
        try SimulationError.require(resolutionDegrees, "direction resolution (degrees)", "must be in [0, 180]") { $0 >= 0 && $0 <= 180 }
        try SimulationError.require(cosineCut, "cos θ cut", "must be in [−1, 1)") { $0 >= -1 && $0 < 1 }
        try SimulationError.require(Double(tablePoints), "direction table points", "must be ≥ 16") { $0 >= 16 }
        self.resolutionDegrees = resolutionDegrees
        self.cosineCut = cosineCut
        let kappa = DetectorResponse.vonMisesConcentration(degrees: resolutionDegrees)
        concentration = kappa
        if cosineCut <= -1 || kappa.isInfinite {
            table = []
            return
        }
        let integrator = Integrator(limit: 200)
        table = try (0..<tablePoints).map { i in
            let theta = Double(i) * Double.pi / Double(tablePoints - 1)
            return try Self.passingProbability(trueCosine: cos(theta), concentration: kappa,
                                               cosineCut: cosineCut, integrator: integrator)
        }
    }

    /// The isotropic acceptance (1 − c)/2 (backgrounds).
    public var isotropicFraction: Double { IsotropicDirection.fractionPassing(cosineCut: cosineCut) }

    /// P(cos θ_reco > c | cos θ_true), dimensionless, from the table.
    @inlinable
    public func passingProbability(trueCosine: Double) -> Double {
        if cosineCut <= -1 { return 1 }
        if concentration.isInfinite { return trueCosine > cosineCut ? 1 : 0 }
        return interpolate(theta: acos(Swift.max(-1, Swift.min(1, trueCosine))))
    }

    @usableFromInline
    func interpolate(theta: Double) -> Double {
        let n = table.count
        let x = theta / Double.pi * Double(n - 1)
        let i = Swift.max(0, Swift.min(n - 2, Int(x)))
        let t = x - Double(i)
        // Catmull–Rom through p0…p3, mirrored at θ = 0 and π (P is even in θ about both ends).
        let p1 = table[i], p2 = table[i + 1]
        let p0 = i > 0 ? table[i - 1] : table[1]
        let p3 = i + 2 < n ? table[i + 2] : table[n - 2]
        let value = p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)))
        return Swift.max(0, Swift.min(1, value))
    }

    /// P(c | θ) by direct quadrature (the formula above; GSL QAG, relative tolerance 10⁻¹⁰).
    public static func passingProbability(trueCosine u: Double, concentration k: Double, cosineCut c: Double,
                                          integrator: Integrator = Integrator(limit: 200)) throws -> Double {
        guard c > -1 else { return 1 }
        let s = (Swift.max(0, 1 - u * u)).squareRoot()
        let norm = k / -expm1(-2 * k)
        // Integrand κ/(2 sinh κ) e^{κ x u} I₀(κ s r) = norm · e^{κ(x u + s r − 1)} · [e^{−κ s r} I₀(κ s r)], r = √(1 − x²).
        let f: (Double) -> Double = { x in
            let r = (Swift.max(0, 1 - x * x)).squareRoot()
            return norm * exp(k * (x * u + s * r - 1)) * SpecialFunctions.besselI0Scaled(k * s * r)
        }
        // Split at the peak x = u so the adaptive rule sees it.
        var total = 0.0
        let points = [c, Swift.min(1, Swift.max(c, u)), 1]
        for j in 0..<2 where points[j + 1] > points[j] {
            total += try integrator.qag(f, from: points[j], to: points[j + 1], absoluteTolerance: 1e-13,
                                        relativeTolerance: 1e-10).value
        }
        return Swift.max(0, Swift.min(1, total))
    }
}
