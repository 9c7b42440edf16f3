import Physics

/// The NuHepMC process of a background component's events (`nue generate --backgrounds … --format
/// hepmc3`; docs/physics.md §8.9, README "NuHepMC"): its process ID, name and description (G.R.8)
/// and the minimal event record written for it. Background events carry only their deposited
/// (true visible, electron-equivalent) and reconstructed energies, so the record is:
///
/// - the beam particle (status 4): the solar ν_e (PDG 12, four-momentum unknown: written as zero),
///   the source's ν̄e for the IBD (PDG −12 along +z, E_ν = E_dep + 0.78233 MeV: known, docs/physics.md
///   §8.4), or the decaying nucleus at rest (PDG 100ZZZAAA0, nominal mass A × 931.494 MeV; `he8-li9`
///   is written as ⁹Li, the 2.8 : 1.0 majority, since the sampler does not resolve the nuclide);
/// - the target (status 20): the atomic electron at rest (solar), the free proton at rest (IBD), or
///   for a decay the pseudo-particle `noTargetNumber` with zero four-momentum (there is none);
/// - one final-state particle (status 1): the pseudo-particle `depositNumber`, "visible energy
///   deposit", at rest with E = m = the deposited energy (no direction is known).
///
/// Process IDs (E.C.1 puts interactions in 100–999, CC in X00–X49, NC in X50–X99; the IsoDAR signal
/// is 750): solar ν–e elastic scattering 751–756 (the signal's neutrino–lepton NC block: b8, be7,
/// pep, cno, pp, hep); the IBD 200 (CC quasi-elastic, here on a free proton); decays outside the
/// interaction ranges, nue-specific: radioactivity 1001–1007 (c14, kr85, bi210, po210, bi214, tl208,
/// k40), cosmogenics 1101–1105 (c11, c10, li8, he8-li9, b12), user spectra 1901, 1902, … in order.
/// Every event also carries `nue.component`, `nue.deposited_energy_mev`,
/// `nue.reconstructed_energy_mev` and `nue.unknown` (what the record does not know).
public struct NuHepMCBackgroundProcess: Sendable, Equatable {
    public let id: Int
    /// The component's name (`BackgroundCatalog.names` or a card's user spectrum).
    public let component: String
    public let name: String
    public let description: String
    /// Beam particle: PDG code, (px, py, pz) per MeV of deposit offset, fixed parts — see `beam(deposit:)`.
    let beamPDG: Int
    let kind: Kind
    /// Target PDG code and mass, MeV.
    let targetPDG: Int
    let targetMassMeV: Double
    /// What the record does not know (the `nue.unknown` attribute).
    public let unknown: String

    enum Kind: Sendable, Equatable {
        case solar, inverseBetaDecay, decay(massMeV: Double), userSpectrum
    }

    /// The pseudo-particle number of the visible energy deposit (G.R.11, nue-specific).
    public static let depositNumber = 2009900100
    /// The pseudo-particle number of "no target" (spontaneous decays), zero four-momentum.
    public static let noTargetNumber = 2009900101
    /// The pseudo-particle number of the unspecified source of a user spectrum (beam), zero four-momentum.
    public static let userSourceNumber = 2009900102
    /// Atomic mass unit, MeV (CODATA 2018: 931.49410242).
    static let atomicMassUnitMeV = 931.49410242
    /// E_ν − E_prompt of the IBD, MeV (docs/physics.md §8.4: M_n − M_p + m_e).
    static let ibdOffsetMeV = 0.78233

    /// The processes of `components` (names in generator order; repeated names once), with IDs.
    public static func processes(for components: [String]) -> [NuHepMCBackgroundProcess] {
        var out: [NuHepMCBackgroundProcess] = []
        var users = 0
        for name in components where !out.contains(where: { $0.component == name }) {
            if let known = catalogue(name) { out.append(known) } else {
                users += 1
                out.append(NuHepMCBackgroundProcess(
                    id: 1900 + users, component: name, name: "user background spectrum \(name)",
                    description: "Events of the run card's user spectrum '\(name)' (dR/dE_vis, docs/physics.md section 8.5): a visible energy deposit from an unspecified source",
                    beamPDG: userSourceNumber, kind: .userSpectrum, targetPDG: noTargetNumber, targetMassMeV: 0,
                    unknown: "source particle_kinematics direction"))
            }
        }
        return out
    }

    static let solarIDs = ["solar-b8": 751, "solar-be7": 752, "solar-pep": 753, "solar-cno": 754, "solar-pp": 755, "solar-hep": 756]
    /// Decay components: ID, parent PDG code, mass number.
    static let decays: [String: (id: Int, pdg: Int, a: Int)] = [
        "c14": (1001, 1000060140, 14), "kr85": (1002, 1000360850, 85), "bi210": (1003, 1000832100, 210),
        "po210": (1004, 1000842100, 210), "bi214": (1005, 1000832140, 214), "tl208": (1006, 1000812080, 208),
        "k40": (1007, 1000190400, 40), "c11": (1101, 1000060110, 11), "c10": (1102, 1000060100, 10),
        "li8": (1103, 1000030080, 8), "he8-li9": (1104, 1000030090, 9), "b12": (1105, 1000050120, 12),
    ]

    static func catalogue(_ name: String) -> NuHepMCBackgroundProcess? {
        let me = PhysicalConstants.electronMass
        if let id = solarIDs[name] {
            return NuHepMCBackgroundProcess(
                id: id, component: name, name: "\(name) nu-e elastic scattering",
                description: "Solar neutrino-electron elastic scattering (\(name); flux, MSW-LMA P_ee and tree-level cross sections, docs/physics.md section 8.2 and 13; Bahcall, Kamionkowski & Sirlin, PRD 51, 6146 (1995)): the recoil electron's visible energy; the neutrino's energy, flavour at the detector and direction are not recorded",
                beamPDG: 12, kind: .solar, targetPDG: 11, targetMassMeV: me,
                unknown: "neutrino_energy neutrino_flavour neutrino_direction recoil_direction")
        }
        if name == "ibd" {
            return NuHepMCBackgroundProcess(
                id: 200, component: name, name: "IBD with the neutron capture missed",
                description: "Inverse beta decay of the source's anti-nu-e on a free proton (Strumia & Vissani, PLB 564, 42 (2003)) whose delayed neutron capture was not tagged (docs/physics.md section 8.4): the prompt positron's visible energy, E_nu = E_dep + 0.78233 MeV; the positron and neutron are not recorded",
                beamPDG: -12, kind: .inverseBetaDecay, targetPDG: 2212, targetMassMeV: 938.27208816,
                unknown: "positron_direction neutron")
        }
        if let d = decays[name] {
            let cosmogenic = d.id >= 1100
            return NuHepMCBackgroundProcess(
                id: d.id, component: name, name: "\(name) decay",
                description: "\(cosmogenic ? "Cosmogenic" : "Radioactive") decay of \(name) in the scintillator (not an interaction; nue-specific ID outside the NuHepMC E.C.1 interaction ranges; docs/physics.md section 8.3 and 14): the decay's visible energy (beta continuum, gammas, quenched alpha)\(name == "he8-li9" ? "; the beam particle is 9Li for every event (8He : 9Li = 1.0 : 2.8 is not resolved per event)" : ""); the emitted particles are not recorded",
                beamPDG: d.pdg, kind: .decay(massMeV: Double(d.a) * atomicMassUnitMeV), targetPDG: noTargetNumber, targetMassMeV: 0,
                unknown: name == "he8-li9" ? "emitted_particles parent_nuclide" : "emitted_particles")
        }
        return nil
    }

    /// The beam particle's (px, py, pz, E, m) in MeV for an event of deposited energy `deposit`.
    func beam(deposit: Double) -> (px: Double, py: Double, pz: Double, e: Double, m: Double) {
        switch kind {
        case .solar, .userSpectrum: (0, 0, 0, 0, 0)
        case .inverseBetaDecay: (0, 0, deposit + Self.ibdOffsetMeV, deposit + Self.ibdOffsetMeV, 0)
        case .decay(let m): (0, 0, 0, m, m)
        }
    }

    /// The event record's particle and vertex lines (HepMC3 Asciiv3, from `P 1`).
    func particleLines(deposit: Double) -> String {
        let b = beam(deposit: deposit)
        return "P 1 0 \(beamPDG) \(b.px) \(b.py) \(b.pz) \(b.e) \(b.m) 4\n"
            + "P 2 0 \(targetPDG) 0 0 0 \(targetMassMeV) \(targetMassMeV) 20\n"
            + "V -1 1 [1,2]\n"
            + "P 3 -1 \(Self.depositNumber) 0 0 0 \(deposit) \(deposit) 1\n"
    }
}
