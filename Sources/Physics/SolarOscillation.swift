import Foundation

/// The day-time survival probability of solar ν_e in the MSW-LMA solution: three flavours,
/// adiabatic propagation out of the Sun, oscillation phases averaged, no Earth matter
/// (docs/physics.md §13.3):
///
///     P_ee = cos⁴θ₁₃ · (½ + ½ cos 2θ₁₂ᵐ cos 2θ₁₂) + sin⁴θ₁₃
///     cos 2θ₁₂ᵐ = (cos 2θ₁₂ − β) / √((cos 2θ₁₂ − β)² + sin² 2θ₁₂),   β = A / Δm²₂₁
///     A = 2√2 G_F n_e E cos²θ₁₃   (eV², with E the neutrino energy and n_e at the production point)
///
/// Adiabatic two-flavour form with level-crossing probability P_c = 0 (Mikheyev & Smirnov 1985;
/// Wolfenstein 1978; Parke, PRL 57, 1275 (1986)); its three-flavour embedding with the matter
/// potential reduced by cos²θ₁₃ (PDG 2024, *Neutrino masses, mixing and oscillations*, the solar
/// section). Valid for E ≲ 20 MeV (P_c < 10⁻⁶ for LMA); regeneration in the Earth at night is not
/// included (Super-Kamiokande's day–night asymmetry of the ⁸B ν–e rate is ≈ −3 %).
/// √2 G_F n_e = 7.6325×10⁻¹⁴ eV per N_A cm⁻³.
///
/// Parameters (PDG 2024): sin²θ₁₂ = 0.307, sin²θ₁₃ = 0.022, Δm²₂₁ = 7.53×10⁻⁵ eV².
public struct SolarOscillation: Sendable, Equatable {
    /// sin²θ₁₂ (dimensionless).
    public let sin2Theta12: Double
    /// sin²θ₁₃ (dimensionless).
    public let sin2Theta13: Double
    /// Δm²₂₁, eV².
    public let deltaMSquared21: Double

    /// PDG 2024 central values: sin²θ₁₂ = 0.307, sin²θ₁₃ = 0.022, Δm²₂₁ = 7.53×10⁻⁵ eV².
    public static let pdg2024 = SolarOscillation(checked: 0.307, 0.022, 7.53e-5)

    /// Avogadro's number N_A, mol⁻¹ (SI 2019, exact).
    public static let avogadro = 6.02214076e23

    /// √2 G_F N_A (ħc)³: the potential √2 G_F n_e, in eV, for n_e = 1 N_A cm⁻³ (7.6325×10⁻¹⁴ eV).
    public static let potentialPerUnitDensity: Double = {
        let hbarCInMeVcm = PhysicalConstants.hbarC * 1e-13
        let mev = 2.0.squareRoot() * PhysicalConstants.fermiCoupling * avogadro * hbarCInMeVcm * hbarCInMeVcm * hbarCInMeVcm
        return mev * 1e6
    }()

    /// - Parameters: mixing as sin² ∈ [0, 1]; `deltaMSquared21` in eV², finite and > 0.
    public init(sin2Theta12: Double = 0.307, sin2Theta13: Double = 0.022, deltaMSquared21: Double = 7.53e-5) throws(PhysicsInputError) {
        for (name, value) in [("sin²θ₁₂", sin2Theta12), ("sin²θ₁₃", sin2Theta13)] where !(value.isFinite && value >= 0 && value <= 1) {
            throw .invalidParameter(name: name, value: value, requirement: "must be between 0 and 1")
        }
        guard deltaMSquared21.isFinite, deltaMSquared21 > 0 else {
            throw .invalidParameter(name: "Δm²₂₁", value: deltaMSquared21, requirement: "must be a finite positive number of eV²")
        }
        self.init(checked: sin2Theta12, sin2Theta13, deltaMSquared21)
    }

    private init(checked s12: Double, _ s13: Double, _ dm2: Double) {
        sin2Theta12 = s12
        sin2Theta13 = s13
        deltaMSquared21 = dm2
    }

    /// A = 2√2 G_F n_e E cos²θ₁₃, eV², for a neutrino of `e` MeV at electron density
    /// `density` N_A cm⁻³.
    public func matterTerm(neutrinoEnergy e: Double, electronDensity density: Double) -> Double {
        2 * Self.potentialPerUnitDensity * density * (e * 1e6) * (1 - sin2Theta13)
    }

    /// cos 2θ₁₂ᵐ at the production point (dimensionless).
    public func cosTwoTheta12InMatter(neutrinoEnergy e: Double, electronDensity density: Double) -> Double {
        let c = 1 - 2 * sin2Theta12
        let s = (4 * sin2Theta12 * (1 - sin2Theta12)).squareRoot()
        let x = c - matterTerm(neutrinoEnergy: e, electronDensity: density) / deltaMSquared21
        return x / (x * x + s * s).squareRoot()
    }

    /// P_ee for a ν_e of `e` MeV produced at electron density `density` N_A cm⁻³ (dimensionless).
    public func survivalProbability(neutrinoEnergy e: Double, electronDensity density: Double) -> Double {
        let c13 = 1 - sin2Theta13
        let c = 1 - 2 * sin2Theta12
        return c13 * c13 * (0.5 + 0.5 * cosTwoTheta12InMatter(neutrinoEnergy: e, electronDensity: density) * c)
            + sin2Theta13 * sin2Theta13
    }

    /// P_ee for a ν_e of `e` MeV of `component`, averaged over its production region (the 16
    /// density quantiles of `SolarNeutrinoComponent.productionElectronDensities`). Dimensionless.
    public func survivalProbability(neutrinoEnergy e: Double, component: SolarNeutrinoComponent) -> Double {
        let densities = component.productionElectronDensities
        var sum = 0.0
        for n in densities { sum += survivalProbability(neutrinoEnergy: e, electronDensity: n) }
        return sum / Double(densities.count)
    }

    /// The low-energy (vacuum-averaged) limit, β → 0: cos⁴θ₁₃ (1 − ½ sin² 2θ₁₂) + sin⁴θ₁₃ (0.5500).
    public var vacuumSurvivalProbability: Double {
        let c13 = 1 - sin2Theta13
        return c13 * c13 * (1 - 2 * sin2Theta12 * (1 - sin2Theta12)) + sin2Theta13 * sin2Theta13
    }

    /// The high-density limit, β → ∞ (ν_e born as ν₂): cos⁴θ₁₃ sin²θ₁₂ + sin⁴θ₁₃ (0.2941).
    public var fullyAdiabaticLimit: Double {
        let c13 = 1 - sin2Theta13
        return c13 * c13 * sin2Theta12 + sin2Theta13 * sin2Theta13
    }
}
