import Foundation
import Physics

/// The background components nue knows and the preset of each scintillator detector
/// (docs/physics.md §8.1–8.3; the rates and their references: `BackgroundCatalog+Scintillators`).
///
/// - Computed from physics, for any detector: `solar-b8`, `solar-be7`, `solar-pep`, `solar-cno`
///   (¹³N + ¹⁵O + ¹⁷F), `solar-pp`, `solar-hep` (ν–e scattering of solar neutrinos, `SolarRecoilRate`),
///   and `ibd` (the IsoDAR source's own inverse β decay, untagged fraction 1 %, assumed; needs free
///   protons).
/// - Decays with a rate per detector: `c14`, `kr85`, `bi210`, `po210`, `bi214`, `tl208`, `k40`
///   (radioactivity) and `c11`, `c10`, `li8`, `he8-li9`, `b12` (cosmogenic, with a veto efficiency).
///
/// Presets exist for `kamland`, `juno`, `snoplus` (and `ideal`, KamLAND's target); argon
/// (`dune-lar`) has none here (its ⁴²Ar/⁴²K study is `nue argon`).
public enum BackgroundCatalog {
    /// The solar components, in preset order.
    public static let solarNames = ["solar-b8", "solar-be7", "solar-pep", "solar-cno", "solar-pp", "solar-hep"]
    /// The IsoDAR inverse β decay.
    public static let inverseBetaDecayName = "ibd"
    /// The decay components, in preset order.
    public static let decayNames = ["c14", "kr85", "bi210", "po210", "bi214", "tl208", "k40", "c11", "c10", "li8", "he8-li9", "b12"]
    /// Every component name, in preset order.
    public static let names = solarNames + [inverseBetaDecayName] + decayNames
    /// Detectors with a preset.
    public static let presetDetectors = ["kamland", "juno", "snoplus", "ideal"]

    /// The default untagged fraction of IBD events (delayed neutron capture missed): 1 %, an
    /// assumption (KamLAND-like delayed-coincidence tagging is ≳ 90 % efficient; what is left
    /// depends on the selection).
    public static let defaultUntaggedFraction = 0.01
    /// The assumed relative uncertainty of the untagged IBD rate (20 %).
    public static let untaggedFractionUncertainty = 0.2

    /// The solar components a `solar-…` name stands for, nil for other names.
    public static func solarComponents(_ name: String) -> [SolarNeutrinoComponent]? {
        switch name {
        case "solar-b8": [.b8]
        case "solar-be7": [.be7]
        case "solar-pep": [.pep]
        case "solar-cno": [.n13, .o15, .f17]
        case "solar-pp": [.pp]
        case "solar-hep": [.hep]
        default: nil
        }
    }

    /// A solar component with its flux uncertainty as the normalization σ: ⁸B 3.8 % (SNO), the
    /// others B16-GS98's (docs/physics.md §13.1); for `solar-cno` the flux-weighted mean of ¹³N, ¹⁵O,
    /// ¹⁷F (15–20 %, fully correlated through the metallicity).
    public static func solar(_ name: String) -> BackgroundDefinition? {
        guard let components = solarComponents(name) else { return nil }
        let fluxes = components.map { $0.flux() }
        let sigma = zip(components, fluxes).reduce(0) { $0 + $1.0.relativeFluxUncertainty() * $1.1 } / fluxes.reduce(0, +)
        let flux = components == [.b8]
            ? "SNO NC flux 5.25e6 /cm2/s, PRC 88, 025501 (2013); Winter et al. shape, PRC 73, 025503 (2006)"
            : "B16-GS98 flux, Vinyoles et al., ApJ 835, 202 (2017)"
        return BackgroundDefinition(
            name: name, source: .solar(components), relativeUncertainty: sigma,
            reference: "computed (docs/physics.md §13): \(flux); MSW-LMA, PDG 2024; tree-level nu-e cross sections")
    }

    /// The IsoDAR inverse β decay with an untagged fraction (default 1 %, assumed).
    public static func inverseBetaDecay(untaggedFraction: Double = defaultUntaggedFraction) -> BackgroundDefinition {
        BackgroundDefinition(
            name: inverseBetaDecayName, source: .inverseBetaDecay(untaggedFraction: untaggedFraction),
            relativeUncertainty: untaggedFractionUncertainty,
            reference: "computed: IsoDAR flux x Strumia-Vissani PLB 564, 42 (2003) x free protons; untagged fraction "
                + "\(untaggedFraction) and its 20 % uncertainty assumed",
            rateIsAssumed: true)
    }

    /// The nuclides of a decay component and their shares (he8-li9: KamLAND's ⁸He : ⁹Li
    /// production, 1.0 : 2.8); nil for other names.
    public static func decayComposition(_ name: String) -> (nuclides: [BackgroundNuclide], shares: [Double])? {
        if name == "he8-li9" { return ([.he8, .li9], [1.0, 2.8]) }
        guard decayNames.contains(name), let nuclide = BackgroundNuclide(rawValue: name) else { return nil }
        return ([nuclide], [1])
    }

    /// The preset of a detector (`presetDetectors`, case-insensitive): the six solar components,
    /// `ibd` when the detector has free protons, and every decay component with its preset rate.
    public static func preset(detector: String) throws(SimulationError) -> [BackgroundDefinition] {
        let key = detector.lowercased()
        guard let decays = decayRates(detector: key) else {
            throw .noBackgroundPreset(detector: detector, presets: presetDetectors)
        }
        let hasProtons = (try? Detector.preset(named: key))?.freeProtons != nil
        return solarNames.compactMap(solar) + (hasProtons ? [inverseBetaDecay()] : []) + decays
    }

    /// One component by name for a detector preset name (nil: a detector without a preset, e.g. a
    /// custom one): solar for any detector; `ibd` for any (the detector's free protons are checked
    /// when the template is built); a decay component needs the detector's preset rate.
    public static func definition(named name: String, detector: String?) throws(SimulationError) -> BackgroundDefinition {
        if let s = solar(name) { return s }
        if name == inverseBetaDecayName { return inverseBetaDecay() }
        guard decayNames.contains(name) else { throw .unknownBackground(name: name, allowed: names) }
        guard let detector, let rates = decayRates(detector: detector.lowercased()),
              let d = rates.first(where: { $0.name == name }) else {
            throw .noBackgroundRate(name: name, detector: detector ?? "custom")
        }
        return d
    }
}
