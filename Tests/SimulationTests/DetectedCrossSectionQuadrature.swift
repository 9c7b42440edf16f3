import Foundation
import GSL
import Physics
import Simulation

/// An independent flux-averaged cross section of detected events, cm² per electron, by nested
/// GSL adaptive quadrature (docs/physics.md §4.7, §5.6):
///
///     ⟨σ⟩ = ε ∫ dE φ(E) ∫_{T_a}^{min(T_b, T_max(E))} dT dσ/dT(E, T) · A(T),
///     A(T) = Φ((T − T_thr)/σ_T) / Φ(T/σ_T),   Φ(z) = erfc(−z/√2)/2
///
/// (the Gaussian response truncated at T_reco ≥ 0; a step at T_thr for a perfect resolution).
/// Independent of the production path: dσ/dT from the Physics cross-section classes
/// (`ScatteringModel.crossSection`: `StandardModelCrossSection`, `MagneticMomentCrossSection`,
/// `LightVectorCrossSection`) rather than the generator's coefficients or the templates' tail
/// moments; the T integral by QAG (61-point Gauss–Kronrod) per neutrino energy instead of
/// Gauss–Legendre panels of the flux-averaged dσ̄/dT; A(T) and Φ written here. Shared inputs: the
/// tabulated spectrum φ and σ_T(T) (`EnergyResolution`). Accuracy ≈ 10⁻⁸ relative.
enum DetectedCrossSectionQuadrature {
    /// A(T): the probability that an electron of true kinetic energy `t` MeV is reconstructed at or
    /// above `threshold` MeV, dimensionless.
    static func acceptance(_ t: Double, threshold: Double, resolution: EnergyResolution) -> Double {
        let sigma = resolution.sigmaMeV(at: t)
        guard sigma > 0 else { return t >= threshold ? 1 : 0 }
        func phi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
        return phi((t - threshold) / sigma) / phi(t / sigma)
    }

    /// ⟨σ⟩ of detected events of `model` in `scenario` with true T in [`lower`, `upper`) MeV, cm².
    static func crossSection(_ scenario: Scenario, model: ScatteringModel, trueRecoilFrom lower: Double = 1e-4,
                             to upper: Double = .infinity) throws -> Double {
        let xs = model.crossSection
        let threshold = scenario.thresholdMeV, resolution = scenario.detector.resolution
        let inner = Integrator(limit: 500)
        var failure: Error?
        let value = try scenario.spectrum.average { e in
            let top = min(upper, Kinematics.maxRecoil(neutrinoEnergy: e))
            guard top > lower, failure == nil else { return 0 }
            do {
                return try inner.qag({ t in
                    xs.differential(neutrinoEnergy: e, recoil: t) * acceptance(t, threshold: threshold, resolution: resolution)
                }, from: lower, to: top, absoluteTolerance: 1e-58, relativeTolerance: 1e-9).value
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return scenario.detector.efficiency * value
    }
}
