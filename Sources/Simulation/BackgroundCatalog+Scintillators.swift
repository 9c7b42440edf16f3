import Foundation
import Physics

/// The decay rates of the scintillator presets (docs/physics.md §8.3), in decays per day per
/// 100 t of target (Borexino's "cpd/100 t"), all energies, before any veto. Each entry says where
/// its number comes from; `rateIsAssumed` marks an assumption (a design target, another
/// detector's measurement, a scaling) rather than the detector's own measurement. Assumed rates
/// carry a 50 % normalization uncertainty.
///
/// Conversions (specific activities A = ln 2/T½ × N_A/M, NNDC half-lives): ²³⁸U 1.2436×10⁴ Bq/g
/// (→ ²¹⁴Bi in secular equilibrium), ²³²Th 4.0573×10³ Bq/g (→ ²⁰⁸Tl with the ²¹²Bi α branch 35.94 %),
/// ⁴⁰K 2.652×10⁵ Bq per g of ⁴⁰K, ²¹⁰Pb 2.837×10¹² Bq/g (→ ²¹⁰Bi, ²¹⁰Po in equilibrium); decays per
/// day per 100 t = c [g/g] × A × 10⁸ g × 86 400 s. Secular equilibrium is an assumption (radon
/// ingress and ²¹⁰Po out of equilibrium are common); BiPo coincidence tagging of ²¹⁴Bi is not
/// applied.
///
/// Cosmogenics: KamLAND measured its production rates (Abe et al. (KamLAND), PRC 81, 025807
/// (2010), per kt per day); JUNO's and SNO+'s are KamLAND's scaled by the muon flux × ⟨E_μ⟩^0.73
/// (the energy dependence of Hagner et al., Astropart. Phys. 14, 33 (2000)), assumed: JUNO × 2.3
/// (≈ 4×10⁻³ vs 1.5×10⁻³ μ m⁻² s⁻¹, ⟨E_μ⟩ ≈ 215 vs 260 GeV), SNO+ × 2.6×10⁻³ (SNOLAB 3.1×10⁻⁶ μ m⁻² s⁻¹,
/// ⟨E_μ⟩ ≈ 363 GeV). Default veto efficiency: 0.9 for the short-lived ¹²B, ⁸Li, ⁸He/⁹Li (a
/// spallation veto after muons, assumed; its dead time is not modelled) and 0 for ¹¹C, ¹⁰C (no
/// three-fold-coincidence tag applied).
extension BackgroundCatalog {
    /// Specific activity ln 2/T½ × N_A/M of a nuclide, Bq per gram (T½ in years, M in g/mol).
    static func becquerelPerGram(halfLifeYears: Double, molarMass: Double) -> Double {
        log(2) / (halfLifeYears * PhysicalConstants.secondsPerYear) * 6.02214076e23 / molarMass
    }
    static let uranium238 = becquerelPerGram(halfLifeYears: 4.468e9, molarMass: 238.0508)
    static let thorium232 = becquerelPerGram(halfLifeYears: 1.405e10, molarMass: 232.0381)
    static let potassium40 = becquerelPerGram(halfLifeYears: 1.248e9, molarMass: 39.9640)
    static let lead210 = becquerelPerGram(halfLifeYears: 22.2, molarMass: 209.9842)
    /// ²¹²Bi → ²⁰⁸Tl (α) branching, 35.94 % (ENSDF).
    static let thallium208Branching = 0.3594

    /// Decays per day per 100 t for a concentration `c` (g per g) of a parent with specific
    /// activity `a` (Bq/g).
    static func perDay100t(concentration c: Double, activity a: Double) -> Double { c * a * 1e8 * 86400 }

    /// ¹⁴C decays per day per 100 t for a ¹⁴C/¹²C atom ratio `r` and carbon mass fraction `fC`.
    static func carbon14PerDay100t(ratio r: Double, carbonFraction fC: Double) -> Double {
        let atoms: Double = r * fC * 1e8 / 12.011 * 6.02214076e23
        let lambda: Double = log(2) / (5700 * PhysicalConstants.secondsPerYear)
        return atoms * lambda * 86400
    }

    /// One decay component.
    static func decay(_ name: String, rate: Double, sigma: Double, veto: Double? = nil, assumed: Bool,
                      _ reference: String) -> BackgroundDefinition {
        let (nuclides, shares) = decayComposition(name)!
        return BackgroundDefinition(
            name: name,
            source: .decays(DecayBackground(nuclides: nuclides, shares: shares, decaysPerDayPer100Tonnes: rate,
                                            vetoEfficiency: veto ?? (nuclides[0].isCosmogenic ? 0 : nil))),
            relativeUncertainty: assumed ? 0.5 : sigma, reference: reference, rateIsAssumed: assumed)
    }

    /// The decay components of a preset detector (lower-case name), nil for others.
    static func decayRates(detector: String) -> [BackgroundDefinition]? {
        switch detector {
        case "kamland", "ideal": kamlandDecays
        case "juno": junoDecays
        case "snoplus", "sno+": snoplusDecays
        default: nil
        }
    }

    /// Borexino's ¹⁴C activity, 40 ± 1 Bq/100 t (Borexino, Nature 512, 383 (2014)).
    static let borexinoCarbon14 = 40 * 86400.0
    /// Borexino Phase II (Borexino, Nature 562, 505 (2018)): ⁸⁵Kr 6.8 ± 1.8 and ²¹⁰Bi 17.5 ± 1.9 cpd/100 t.
    static let borexinoKrypton85 = 6.8
    static let borexinoBismuth210 = 17.5

    /// ²¹⁴Bi and ²⁰⁸Tl from ²³⁸U and ²³²Th at 10⁻¹⁷ g/g in secular equilibrium, and ⁴⁰K at 10⁻¹⁸ g/g,
    /// each with an assumed 50 % uncertainty; `origin` says whose assumption (JUNO, SNO+).
    static func assumedUraniumThoriumPotassium(_ origin: String) -> [BackgroundDefinition] {
        [
            decay("bi214", rate: perDay100t(concentration: 1e-17, activity: uranium238), sigma: 0.5, assumed: true, "\(origin): 238U 1e-17 g/g"),
            decay("tl208", rate: perDay100t(concentration: 1e-17, activity: thorium232) * thallium208Branching, sigma: 0.5,
                  assumed: true, "\(origin): 232Th 1e-17 g/g"),
            decay("k40", rate: perDay100t(concentration: 1e-18, activity: potassium40), sigma: 0.5, assumed: true, "\(origin): 40K 1e-18 g/g"),
        ]
    }

    /// KamLAND's cosmogenic production per 100 t per day (PRC 81, 025807 (2010): per kt per day
    /// ¹¹C 1106 ± 178, ¹⁰C 21.1 ± 1.8, ⁸Li 15.6 ± 3.3, ⁸He 1.0 ± 0.5, ⁹Li 2.8 ± 0.2, ¹²B 54.8 ± 1.5).
    static func cosmogenics(scale: Double, assumed: Bool, _ origin: String) -> [BackgroundDefinition] {
        let r = "KamLAND, PRC 81, 025807 (2010)" + origin
        return [
            decay("c11", rate: 110.6 * scale, sigma: 178 / 1106.0, assumed: assumed, "\(r): 1106 +- 178 /(kt d); no TFC veto"),
            decay("c10", rate: 2.11 * scale, sigma: 1.8 / 21.1, assumed: assumed, "\(r): 21.1 +- 1.8 /(kt d); no veto"),
            decay("li8", rate: 1.56 * scale, sigma: 3.3 / 15.6, veto: 0.9, assumed: assumed, "\(r): 15.6 +- 3.3 /(kt d); veto 0.9 assumed"),
            decay("he8-li9", rate: 0.38 * scale, sigma: 0.054 / 0.38, veto: 0.9, assumed: assumed,
                  "\(r): 8He 1.0 +- 0.5, 9Li 2.8 +- 0.2 /(kt d); veto 0.9 assumed"),
            decay("b12", rate: 5.48 * scale, sigma: 1.5 / 54.8, veto: 0.9, assumed: assumed, "\(r): 54.8 +- 1.5 /(kt d); veto 0.9 assumed"),
        ]
    }

    /// KamLAND (80 % dodecane + 20 % pseudocumene, ρ = 0.780 t/m³): ²³⁸U (3.5 ± 0.5)×10⁻¹⁸ g/g and
    /// ²³²Th (5.2 ± 0.8)×10⁻¹⁷ g/g measured (KamLAND, PRL 100, 221803 (2008)); ¹⁴C, ⁸⁵Kr, ²¹⁰Bi, ²¹⁰Po,
    /// ⁴⁰K assumed at Borexino's levels (KamLAND's own post-purification values are not in nue's sources).
    static let kamlandDecays: [BackgroundDefinition] = [
        decay("c14", rate: borexinoCarbon14, sigma: 0.5, assumed: true, "assumed: Borexino 40 Bq/100t, Nature 512, 383 (2014)"),
        decay("kr85", rate: borexinoKrypton85, sigma: 0.5, assumed: true, "assumed: Borexino Phase II 6.8 cpd/100t, Nature 562, 505 (2018)"),
        decay("bi210", rate: borexinoBismuth210, sigma: 0.5, assumed: true, "assumed: Borexino Phase II 17.5 cpd/100t, Nature 562, 505 (2018)"),
        decay("po210", rate: borexinoBismuth210, sigma: 0.5, assumed: true, "assumed: equilibrium with 210Bi (17.5 cpd/100t); real detectors see more"),
        decay("bi214", rate: perDay100t(concentration: 3.5e-18, activity: uranium238), sigma: 0.5 / 3.5, assumed: false,
              "KamLAND PRL 100, 221803 (2008): 238U 3.5e-18 g/g, secular equilibrium assumed"),
        decay("tl208", rate: perDay100t(concentration: 5.2e-17, activity: thorium232) * thallium208Branching, sigma: 0.8 / 5.2,
              assumed: false, "KamLAND PRL 100, 221803 (2008): 232Th 5.2e-17 g/g, secular equilibrium assumed"),
        decay("k40", rate: perDay100t(concentration: 1e-18, activity: potassium40), sigma: 0.5, assumed: true,
              "assumed: 1e-18 g 40K/g (JUNO Yellow Book ideal level)"),
    ] + cosmogenics(scale: 1, assumed: false, "")

    /// JUNO (LAB, ρ = 0.856 t/m³, carbon fraction 0.877): the "ideal" radiopurity of the JUNO
    /// Yellow Book's solar programme (JUNO, J. Phys. G 43, 030401 (2016), §7) taken as achieved —
    /// ²³⁸U, ²³²Th 10⁻¹⁷ g/g, ⁴⁰K 10⁻¹⁸ g/g (read as g of ⁴⁰K), ²¹⁰Pb 10⁻²⁴ g/g, ⁸⁵Kr 1 μBq/m³,
    /// ¹⁴C/¹²C 10⁻¹⁸: all assumed (design targets).
    static let junoDecays: [BackgroundDefinition] = {
        let yb = "assumed: JUNO Yellow Book ideal radiopurity, J. Phys. G 43, 030401 (2016)"
        let pb210 = perDay100t(concentration: 1e-24, activity: lead210)
        return [
            decay("c14", rate: carbon14PerDay100t(ratio: 1e-18, carbonFraction: 0.877), sigma: 0.5, assumed: true, "\(yb): 14C/12C 1e-18"),
            decay("kr85", rate: 1e-6 * 100 / 0.856 * 86400, sigma: 0.5, assumed: true, "\(yb): 85Kr 1 uBq/m3"),
            decay("bi210", rate: pb210, sigma: 0.5, assumed: true, "\(yb): 210Pb 1e-24 g/g, equilibrium"),
            decay("po210", rate: pb210, sigma: 0.5, assumed: true, "\(yb): 210Pb 1e-24 g/g, equilibrium"),
        ] + assumedUraniumThoriumPotassium(yb) + cosmogenics(scale: 2.3, assumed: true, " x 2.3 (muon flux and energy at JUNO, assumed)")
    }()

    /// SNO+ (LAB): ¹⁴C, ⁸⁵Kr, ²¹⁰Bi at Borexino Phase II levels, ²³⁸U and ²³²Th at 10⁻¹⁷ g/g, ⁴⁰K at
    /// 10⁻¹⁸ g/g — all assumed (SNO+'s targets are of this order: SNO+, Adv. High Energy Phys. 2016,
    /// 6194250; its measured scintillator-phase levels are not in nue's sources).
    static let snoplusDecays: [BackgroundDefinition] = {
        let a = "assumed (SNO+ targets of this order, AHEP 2016, 6194250)"
        return [
            decay("c14", rate: borexinoCarbon14, sigma: 0.5, assumed: true, "assumed: Borexino 40 Bq/100t, Nature 512, 383 (2014)"),
            decay("kr85", rate: borexinoKrypton85, sigma: 0.5, assumed: true, "assumed: Borexino Phase II 6.8 cpd/100t, Nature 562, 505 (2018)"),
            decay("bi210", rate: borexinoBismuth210, sigma: 0.5, assumed: true, "assumed: Borexino Phase II 17.5 cpd/100t, Nature 562, 505 (2018)"),
            decay("po210", rate: borexinoBismuth210, sigma: 0.5, assumed: true, "assumed: equilibrium with 210Bi (17.5 cpd/100t)"),
        ] + assumedUraniumThoriumPotassium(a) + cosmogenics(scale: 2.6e-3, assumed: true, " x 2.6e-3 (muon flux and energy at SNOLAB, assumed)")
    }()
}
