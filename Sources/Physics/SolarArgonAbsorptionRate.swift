import Foundation

/// Charged-current absorption of solar ν_e on ⁴⁰Ar, ν_e + ⁴⁰Ar → e⁻ + ⁴⁰K* (docs/physics.md §15.3):
/// the rate per ⁴⁰Ar nucleus, in total and per MeV of visible energy,
///
///     R = Σ_c Φ_c ∫ dE φ_c(E) P_ee,c(E) σ(E)                       (s⁻¹ per ⁴⁰Ar)
///     dR/dE_vis = Σ_c Φ_c φ_c(E) P_ee,c(E) σ(E),   E = E_vis + Q_vis   (s⁻¹ MeV⁻¹ per ⁴⁰Ar)
///
/// Φ_c, φ_c the flux and normalized spectrum of each component (default ⁸B with SNO's flux and hep
/// with B16-GS98's, docs/physics.md §13.1), P_ee the MSW-LMA survival probability of that component
/// (§13.3; only ν_e are absorbed: ν_μ,τ at these energies are below their charged-current
/// thresholds), σ the cross-section table (`Argon40ChargedCurrentCrossSection`, MARLEY by default).
///
/// Visible energy (an assumption, stated): total absorption, E_vis = E_ν − Q_vis with Q_vis = 1.504
/// MeV = M(⁴⁰K) − M(⁴⁰Ar): the electron's kinetic energy E_ν − Q − E_x plus every de-excitation γ
/// (E_x) deposited, the ⁴⁰K recoil (≤ 10 keV) and any neutron or proton emission above the ⁴⁰K
/// separation energies (a few per cent of ⁸B events) neglected. Q_vis = 1.504 + 4.384 = 5.888 MeV
/// models the opposite extreme (the electron of the dominant isobaric-analogue transition only, all
/// γ's lost). Multiply by the number of ⁴⁰Ar nuclei and the live time for counts.
public struct SolarArgonAbsorptionRate: Sendable {
    /// The solar components absorbed (⁸B, hep by default).
    public let components: [SolarNeutrinoComponent]
    public let crossSection: Argon40ChargedCurrentCrossSection
    /// Q_vis = E_ν − E_vis, MeV (default 1.504: total absorption).
    public let visibleEnergyOffsetMeV: Double
    public let survival: SolarSurvivalModel
    private let spectra: [NeutrinoSpectrum]
    private let fluxes: [Double]

    /// - Throws: `PhysicsInputError.invalidParameter` for a line component (pep, ⁷Be: below the
    ///   ⁴⁰Ar threshold anyway) or an offset outside [0, 20] MeV.
    public init(components: [SolarNeutrinoComponent] = [.b8, .hep],
                crossSection: Argon40ChargedCurrentCrossSection = .marley,
                visibleEnergyOffsetMeV: Double = Argon40ChargedCurrentCrossSection.groundStateQValue,
                normalization: SolarFluxNormalization = .measuredBoron8,
                survival: SolarSurvivalModel = .standard) throws {
        guard visibleEnergyOffsetMeV.isFinite, visibleEnergyOffsetMeV >= 0, visibleEnergyOffsetMeV <= 20 else {
            throw PhysicsInputError.invalidParameter(name: "CC visible-energy offset (MeV)", value: visibleEnergyOffsetMeV,
                                                     requirement: "must lie in [0, 20] MeV (1.504: total absorption)")
        }
        var spectra: [NeutrinoSpectrum] = []
        for c in components {
            guard case .continuous(let s) = try c.spectrum() else {
                throw PhysicsInputError.invalidParameter(name: "solar component \(c.rawValue) for CC on argon", value: .nan,
                                                         requirement: "must have a continuous spectrum (⁸B, hep)")
            }
            spectra.append(s)
        }
        self.components = components
        self.crossSection = crossSection
        self.visibleEnergyOffsetMeV = visibleEnergyOffsetMeV
        self.survival = survival
        self.spectra = spectra
        self.fluxes = components.map { $0.flux(normalization) }
    }

    /// dR/dE_vis at visible energy `e` (MeV): s⁻¹ MeV⁻¹ per ⁴⁰Ar nucleus.
    public func differentialRate(visibleEnergy e: Double) -> Double {
        let nu = e + visibleEnergyOffsetMeV
        let sigma = crossSection.crossSection(neutrinoEnergy: nu)
        guard sigma > 0 else { return 0 }
        var sum = 0.0
        for (k, c) in components.enumerated() {
            sum += fluxes[k] * spectra[k].density(at: nu) * survival.probability(neutrinoEnergy: nu, component: c)
        }
        return sum * sigma
    }

    /// R of one component (or all when nil): s⁻¹ per ⁴⁰Ar nucleus, by GSL QAG over its spectrum.
    public func rate(component: SolarNeutrinoComponent? = nil) throws -> Double {
        var total = 0.0
        for (k, c) in components.enumerated() where component == nil || component == c {
            let sigma = crossSection, p = survival
            total += fluxes[k] * (try spectra[k].average { e in p.probability(neutrinoEnergy: e, component: c) * sigma.crossSection(neutrinoEnergy: e) })
        }
        return total
    }

    /// The visible-energy range with a non-zero rate, MeV.
    public var visibleRange: ClosedRange<Double> {
        let lo = max(0, crossSection.energiesMeV[0] - visibleEnergyOffsetMeV)
        let top = min(crossSection.energiesMeV[crossSection.energiesMeV.count - 1], spectra.map(\.endpoint).max() ?? 0)
        return lo...max(lo, top - visibleEnergyOffsetMeV)
    }

    /// Where dR/dE_vis has kinks or steps (the table's first point, the spectra's endpoints), MeV.
    public var breakpoints: [Double] {
        ([crossSection.energiesMeV[0]] + spectra.map(\.endpoint)).map { $0 - visibleEnergyOffsetMeV }.filter { $0 >= 0 }
    }

    /// ⁴⁰Ar nuclei in `argonMassKilograms` of natural argon: M/(39.948 g/mol) × N_A × 0.996035
    /// (⁴⁰Ar isotopic abundance; NIST atomic weights and isotopic compositions).
    public static func argon40Nuclei(argonMassKilograms m: Double) -> Double {
        m * 1000 / 39.948 * 6.02214076e23 * 0.996035
    }
}
