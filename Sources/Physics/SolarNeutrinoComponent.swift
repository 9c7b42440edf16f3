/// The solar-neutrino components of the pp chain and the CNO cycle (docs/physics.md §13.1), with
/// their total fluxes at Earth (1 AU), in cm⁻² s⁻¹.
///
/// Fluxes: B16-GS98 standard solar model, Vinyoles et al., ApJ 835, 202 (2017), Table 6, with its
/// 1σ relative uncertainties; ⁸B optionally (and by default, `SolarFluxNormalization.measuredBoron8`)
/// from SNO's neutral-current measurement, Aharmim et al. (SNO), PRC 88, 025501 (2013):
/// Φ_⁸B = 5.25 ± 0.16 (stat) +0.11/−0.13 (syst) ×10⁶ cm⁻² s⁻¹. Energy spectra:
/// `SolarNeutrinoComponent+Spectrum.swift`; production regions: `+Production.swift`.
public enum SolarNeutrinoComponent: String, Sendable, CaseIterable, Codable {
    /// p + p → d + e⁺ + ν_e (continuous, E ≤ 0.42341 MeV).
    case pp
    /// p + e⁻ + p → d + ν_e (line at 1.442 MeV).
    case pep
    /// ⁷Be + e⁻ → ⁷Li + ν_e (lines at 0.8618 MeV, 89.6 %, and 0.3843 MeV, 10.4 %).
    case be7
    /// ¹³N → ¹³C + e⁺ + ν_e (continuous, E ≤ 1.19845 MeV).
    case n13
    /// ¹⁵O → ¹⁵N + e⁺ + ν_e (continuous, E ≤ 1.73174 MeV).
    case o15
    /// ¹⁷F → ¹⁷O + e⁺ + ν_e (continuous, E ≤ 1.73984 MeV).
    case f17
    /// ⁸B → ⁸Be* + e⁺ + ν_e (continuous, E ≲ 16 MeV; measured shape).
    case b8
    /// ³He + p → ⁴He + e⁺ + ν_e (continuous, E ≤ 18.773 MeV).
    case hep

    /// The symbol for tables and plots: pp, pep, ⁷Be, ¹³N, ¹⁵O, ¹⁷F, ⁸B, hep.
    public var symbol: String {
        switch self {
        case .pp: "pp"
        case .pep: "pep"
        case .be7: "⁷Be"
        case .n13: "¹³N"
        case .o15: "¹⁵O"
        case .f17: "¹⁷F"
        case .b8: "⁸B"
        case .hep: "hep"
        }
    }

    /// The B16-GS98 total flux at Earth, cm⁻² s⁻¹ (Vinyoles et al. 2017, Table 6).
    public var standardSolarModelFlux: Double {
        switch self {
        case .pp: 5.98e10
        case .pep: 1.44e8
        case .be7: 4.93e9
        case .n13: 2.78e8
        case .o15: 2.05e8
        case .f17: 5.29e6
        case .b8: 5.46e6
        case .hep: 7.98e3
        }
    }

    /// The B16-GS98 1σ relative uncertainty of `standardSolarModelFlux` (dimensionless;
    /// Vinyoles et al. 2017, Table 6).
    public var standardSolarModelRelativeUncertainty: Double {
        switch self {
        case .pp: 0.006
        case .pep: 0.01
        case .be7: 0.06
        case .n13: 0.15
        case .o15: 0.17
        case .f17: 0.20
        case .b8: 0.12
        case .hep: 0.30
        }
    }

    /// SNO's measured total active ⁸B flux (NC), cm⁻² s⁻¹ (SNO, PRC 88, 025501 (2013)).
    public static let measuredBoron8Flux = 5.25e6
    /// Its 1σ relative uncertainty: (0.16 stat ⊕ 0.12 syst)/5.25 = 0.038 (the asymmetric
    /// +0.11/−0.13 systematic symmetrized).
    public static let measuredBoron8RelativeUncertainty = 0.038

    /// The total flux at Earth under `normalization`, cm⁻² s⁻¹.
    public func flux(_ normalization: SolarFluxNormalization = .measuredBoron8) -> Double {
        if self == .b8, normalization == .measuredBoron8 { return Self.measuredBoron8Flux }
        return standardSolarModelFlux
    }

    /// The 1σ relative uncertainty of `flux(normalization)` (dimensionless).
    public func relativeFluxUncertainty(_ normalization: SolarFluxNormalization = .measuredBoron8) -> Double {
        if self == .b8, normalization == .measuredBoron8 { return Self.measuredBoron8RelativeUncertainty }
        return standardSolarModelRelativeUncertainty
    }
}
