/// Elastic scattering of one solar-neutrino component on electrons: the rate per target electron
/// (docs/physics.md §13.4),
///
///     dR/dT = Φ ∫ dE φ(E) [ P_ee(E) dσ_νe/dT + (1 − P_ee(E)) dσ_νμ/dT ]      (s⁻¹ MeV⁻¹ per e⁻)
///     R(T₁, T₂) = Φ ∫ dE φ(E) [ P_ee σ_νe(T₁, T₂) + (1 − P_ee) σ_νμ(T₁, T₂) ]   (s⁻¹ per e⁻)
///
/// with Φ the component's flux (cm⁻² s⁻¹), φ its normalized spectrum (a sum over lines for pep and
/// ⁷Be), σ_νe the ν_e–e cross section (W + Z exchange) and σ_νμ the ν_μ,τ–e one (Z only): the
/// oscillated ν_μ and ν_τ scatter alike. Both are `CrossSection`s, by default the tree-level
/// `StandardModelCrossSection` (docs/physics.md §1.3) at the default sin²θ_W; any other
/// implementation (e.g. with radiative corrections) can be passed. T is the true recoil kinetic
/// energy; neutrinos below E_min(T) do not contribute. Multiply by N_e and the live time for counts.
public struct SolarRecoilRate: Sendable {
    public let component: SolarNeutrinoComponent
    /// Φ, cm⁻² s⁻¹.
    public let flux: Double
    public let spectrum: SolarNeutrinoSpectrum
    public let survival: SolarSurvivalModel
    /// dσ/dT for ν_e (CC + NC), cm²/MeV.
    public let electronNeutrino: any CrossSection
    /// dσ/dT for ν_μ and ν_τ (NC only), cm²/MeV.
    public let otherFlavors: any CrossSection

    /// - Parameters:
    ///   - flux: overrides the normalization's flux, cm⁻² s⁻¹ (finite, ≥ 0).
    ///   - spectrum: overrides the component's spectrum (e.g. a ±1σ ⁸B shape).
    public init(component: SolarNeutrinoComponent,
                normalization: SolarFluxNormalization = .measuredBoron8,
                flux: Double? = nil,
                spectrum: SolarNeutrinoSpectrum? = nil,
                survival: SolarSurvivalModel = .standard,
                electronNeutrino: any CrossSection = StandardModelCrossSection(flavor: .electronNeutrino),
                otherFlavors: any CrossSection = StandardModelCrossSection(flavor: .muonNeutrino)) throws {
        let phi = flux ?? component.flux(normalization)
        guard phi.isFinite, phi >= 0 else {
            throw PhysicsInputError.invalidParameter(name: "flux", value: phi, requirement: "must be a finite non-negative number of cm⁻² s⁻¹")
        }
        if case .constant(let p) = survival, !(p.isFinite && p >= 0 && p <= 1) {
            throw PhysicsInputError.invalidParameter(name: "P_ee", value: p, requirement: "must be between 0 and 1")
        }
        self.component = component
        self.flux = phi
        self.spectrum = try spectrum ?? component.spectrum()
        self.survival = survival
        self.electronNeutrino = electronNeutrino
        self.otherFlavors = otherFlavors
    }

    /// dR/dT at true recoil `t` MeV: s⁻¹ MeV⁻¹ per target electron. Zero above the largest
    /// kinematically allowed recoil.
    public func differentialRate(recoil t: Double) throws -> Double {
        try differentialRate(recoil: t) { _, _ in 1 }
    }

    /// R(T₁, T₂): the rate of recoils with `lower` ≤ T ≤ `upper` (MeV), s⁻¹ per target electron.
    public func rate(recoilFrom lower: Double, to upper: Double = .greatestFiniteMagnitude) throws -> Double {
        guard lower.isFinite, upper.isFinite, lower >= 0, upper >= lower else { throw PhysicsInputError.invalidRecoilRange(lower, upper) }
        let eMin = Kinematics.minNeutrinoEnergy(recoil: lower)
        var failure: (any Error)?
        let integrand: (Double) -> Double = { e in
            guard e > eMin else { return 0 }
            let p = survival.probability(neutrinoEnergy: e, component: component)
            do {
                return p * (try electronNeutrino.integrated(neutrinoEnergy: e, recoilFrom: lower, to: upper))
                    + (1 - p) * (try otherFlavors.integrated(neutrinoEnergy: e, recoilFrom: lower, to: upper))
            } catch {
                failure = error
                return 0
            }
        }
        let value: Double
        switch spectrum {
        case .continuous(let s):
            guard eMin < s.endpoint else { return 0 }
            value = try s.average(integrand, from: eMin)
        case .lines:
            value = try spectrum.average(integrand)
        }
        if let failure { throw failure }
        return flux * value
    }
}
