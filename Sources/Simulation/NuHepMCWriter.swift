import Foundation
import Physics
import Output

/// Events in NuHepMC v1.0.0 (arXiv:2310.13211; github.com/NuHepMC/Spec) on HepMC3 Asciiv3
/// (Buckley et al., Comput. Phys. Commun. 260, 107310 (2021)). Units MEV and MM.
///
/// Requirements implemented (checked by `NuHepMCTests`):
/// - G.R.1 run info present (`T`, `W`, `A` lines before the first event);
/// - G.R.2 `NuHepMC.Version.Major/Minor/Patch` = 1/0/0;
/// - G.R.3 tool `nue` with its version (`T nue|version|description`);
/// - G.R.4 `NuHepMC.Conventions` = G.C.2 E.C.1 (signals the conventions below);
/// - G.R.5 + G.C.2 `NuHepMC.FluxAveragedTotalCrossSection` (pb) known at the start;
/// - G.R.6 `NuHepMC.Units.CrossSection.Unit` = pb, `TargetScale` = PerElectron (the target is
///   one atomic electron; not one of the reserved values PerAtom/PerNucleon);
/// - G.R.7 weight `CV` declared (`W CV`) and filled in every event;
/// - G.R.8 `NuHepMC.ProcessIDs` and `ProcessInfo[ID].Name/Description`;
/// - G.R.9, G.R.10 vertex and particle status IDs with names and descriptions;
/// - E.R.2 unique non-negative event numbers; E.R.3 `signal_process_id`; E.R.4 `U MEV MM`;
///   E.R.5 `lab_pos` = [0, 0, 0] (no macroscopic geometry); E.R.6 exactly one vertex, status 1;
///   E.R.7 exactly one beam particle (status 4, ν̄e, PDG −12) and one target (status 20, e⁻, PDG 11);
///   E.R.8 all incoming and outgoing particles written; E.R.9 lab frame (electron at rest, ν along +z);
/// - P.R.1 status codes: 4 beam, 20 target, 1 final state.
/// Process 750 (E.C.1: "other", NC block): ν̄e e⁻ → ν̄e e⁻ elastic scattering (SM W+Z, plus the
/// model's magnetic-moment and Z′ terms when present).
public final class NuHepMCWriter: EventWriter {
    public static let processID = 750
    private let file: AtomicFile
    private let pdgNeutrino: Int
    public private(set) var count = 0

    public init(path: String, metadata m: EventFileMetadata) throws {
        file = try AtomicFile(path: path)
        pdgNeutrino = m.model.flavor.pdgCode
        var description = "nu-e elastic scattering at tree level: SM W+Z (Vogel & Engel, PRD 39, 3378 (1989))"
        if m.model.kappaSquared != 0 { description += " + magnetic moment kappa^2 = \(m.model.kappaSquared) mu_B^2 (Vogel & Engel 1989)" }
        if m.model.couplingProduct != 0 {
            description += " + light vector Z' g_nu g_e = \(m.model.couplingProduct), M = \(m.model.mediatorMassMeV) MeV, \(m.model.interference == .exact ? "exact SM-Z' interference" : "pure Z' term only") (Harnik, Kopp & Machado, JCAP 07 (2012) 026; Cerdeno et al., JHEP 05 (2016) 118)"
        }
        description += "; sin2thetaW = \(m.model.sin2ThetaW); true T >= \(m.lowestRecoilMeV) MeV"
        let lines = [
            "HepMC::Version 3.02.06",
            "HepMC::Asciiv3-START_EVENT_LISTING",
            "W CV",
            "T \(m.tool)\\|\(m.toolVersion)\\|IsoDAR 8Li anti-nu-e electron scattering generator and detector simulation",
            "A NuHepMC.Version.Major 1",
            "A NuHepMC.Version.Minor 0",
            "A NuHepMC.Version.Patch 0",
            "A NuHepMC.Conventions G.C.2 E.C.1",
            "A NuHepMC.FluxAveragedTotalCrossSection \(m.fluxAveragedCrossSectionCm2 * 1e36)",
            "A NuHepMC.Units.CrossSection.Unit pb",
            "A NuHepMC.Units.CrossSection.TargetScale PerElectron",
            "A NuHepMC.ProcessIDs \(Self.processID)",
            "A NuHepMC.ProcessInfo[\(Self.processID)].Name nu-e elastic scattering",
            "A NuHepMC.ProcessInfo[\(Self.processID)].Description \(description)",
            "A NuHepMC.VertexStatusIDs 1",
            "A NuHepMC.VertexStatusInfo[1].Name Primary",
            "A NuHepMC.VertexStatusInfo[1].Description The primary nu-e scattering vertex",
            "A NuHepMC.ParticleStatusIDs 1 4 20",
            "A NuHepMC.ParticleStatusInfo[1].Name UndecayedPhysical",
            "A NuHepMC.ParticleStatusInfo[1].Description Final-state particle",
            "A NuHepMC.ParticleStatusInfo[4].Name IncomingBeam",
            "A NuHepMC.ParticleStatusInfo[4].Description Incoming neutrino from the 8Li source",
            "A NuHepMC.ParticleStatusInfo[20].Name Target",
            "A NuHepMC.ParticleStatusInfo[20].Description Atomic electron at rest",
            "A NuHepMC.Provenance.Seed \(m.seed)",
            "A NuHepMC.Provenance.Detector \(m.detectorName)",
            "A NuHepMC.Provenance.ThresholdMeV \(m.thresholdMeV)",
            "A NuHepMC.Provenance.Weighted \(m.weighted ? 1 : 0)",
        ]
        try file.write(lines.joined(separator: "\n") + "\n")
    }

    public func write(_ e: Event) throws {
        let me = PhysicalConstants.electronMass
        let enu = e.neutrinoEnergyMeV, t = e.recoilMeV
        let p = (t * (t + 2 * me)).squareRoot()
        let c = e.cosTheta, s = (max(0, 1 - c * c)).squareRoot()
        let px = p * s * cos(e.azimuth), py = p * s * sin(e.azimuth), pz = p * c
        let n = count
        var text = "E \(n) 1 4\nU MEV MM\nW \(e.weight)\n"
        text += "A 0 lab_pos 0 0 0\nA 0 signal_process_id \(Self.processID)\n"
        text += "P 1 0 \(pdgNeutrino) 0 0 \(enu) \(enu) 0 4\n"
        text += "P 2 0 11 0 0 0 \(me) \(me) 20\n"
        text += "V -1 1 [1,2]\n"
        text += "P 3 -1 \(pdgNeutrino) \(-px) \(-py) \(enu - pz) \(enu - t) 0 1\n"
        text += "P 4 -1 11 \(px) \(py) \(pz) \(t + me) \(me) 1\n"
        try file.write(text)
        count += 1
    }

    public func finish() throws {
        try file.write("HepMC::Asciiv3-END_EVENT_LISTING\n")
        try file.commit()
    }

    public func abandon() { file.abandon() }
}
