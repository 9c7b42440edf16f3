/// The run-info header of nue's NuHepMC v1.0.0 files (the `W`, `T` and `A` lines before the first
/// event; HepMC3 Asciiv3, Buckley et al., Comput. Phys. Commun. 260, 107310 (2021)). Requirement
/// and convention labels are those of the NuHepMC v1.0.0 specification (Gardiner et al.,
/// arXiv:2310.13211; github.com/NuHepMC/Spec, README "NuHepMC Specification Version 1.0.0"):
///
/// - G.R.1 run info present; G.R.2 `NuHepMC.Version.Major/Minor/Patch` = 1/0/0;
/// - G.R.3 one `ToolInfo` (`T nue|version|description`);
/// - G.R.4 `NuHepMC.Conventions` = G.C.2 G.C.3 E.C.1 (the conventions followed);
/// - G.R.5 via G.C.2: `NuHepMC.FluxAveragedTotalCrossSection`, known at the start: the ⟨σ⟩ of the
///   events in the file (detected events, `Scenario.detectedCrossSection`), in the units of G.R.6.
///   Paper §3.1: σ of the events in a histogram bin = ⟨σ⟩ × Σ_bin w_CV / Σ_file w_CV;
/// - G.R.6 `NuHepMC.Units.CrossSection.Unit` = `pb` (the recommended value, 10⁻³⁶ cm²);
///   `TargetScale` = `PerTargetElectron`. The specification reserves `PerAtom` (recommended) and
///   `PerNucleon` but does not restrict the values; the target of E.R.7 here is one atomic
///   electron (a molecular liquid scintillator has no single "atom"), so neither reserved value
///   is true and the per-electron scale is named explicitly;
/// - G.R.7 weight `CV` declared (`W CV`) and filled in every event (1 for unweighted files;
///   weighted files: f/g/∫f with mean 1 over *generated* events);
/// - G.R.8 `NuHepMC.ProcessIDs` and `ProcessInfo[ID].Name/Description`;
/// - G.R.9, G.R.10 vertex and particle status IDs with names and descriptions (G.S.2: the
///   standard codes used are listed too);
/// - G.R.11 `NuHepMC.AdditionalParticleNumbers`: empty, every particle number used (−12, 12, 11)
///   is a standard PDG code; written `A NuHepMC.AdditionalParticleNumbers ` (a trailing space:
///   HepMC3's reader needs the separator before an empty value);
/// - G.C.3 `NuHepMC.Citations.Process[750].DOI`: the cross-section papers;
/// - G.S.1 `NuHepMC.Provenance.*`: seed, detector, threshold, weighting, the generated region's ⟨σ⟩
///   and the expected events per pb (the normalization of docs/physics.md §5.5).
///
/// Process ID (E.C.1): 750. The convention puts "other process types" at 700 and above, CC in
/// the X00–X49 block and NC in X50–X99, electromagnetic processes at negative IDs. ν̄e e⁻ → ν̄e e⁻
/// is one process whose W- and Z-exchange amplitudes interfere (and, with new physics, whose
/// magnetic-moment and Z′ terms add in the same final state), so no event can be assigned to a
/// CC, NC or electromagnetic sub-process; nue samples the total density and labels every event
/// 750, the NC neutrino–lepton block that the specification's reference file (NuWro, "NC lep")
/// uses for ν–e elastic scattering. Files with background events add one process per component
/// (`NuHepMCBackgroundProcess`: solar ν–e 751–756, IBD 200, decays 1001–1007 and 1101–1105, user
/// spectra 1901…) and declare nue's pseudo-particles (G.R.11).
public enum NuHepMCRunInfo {
    /// The process ID of every event (E.C.1, E.R.3).
    public static let processID = 750
    /// pb per cm² (G.R.6: 1 pb = 10⁻³⁶ cm²).
    public static let picobarnPerSquareCentimeter = 1e36

    /// The header lines, from `HepMC::Version` to the last run attribute (no trailing newline).
    /// - Parameter backgrounds: the background processes of a file with background events
    ///   (`NuHepMCBackgroundProcess`) and each one's expected detected events; their IDs are listed
    ///   after 750 with name, description and, in `NuHepMC.Provenance.ExpectedEvents[ID]`, the
    ///   expectation (`NuHepMC.FluxAveragedTotalCrossSection` is process 750's alone); the
    ///   pseudo-particles of their records are declared in `NuHepMC.AdditionalParticleNumbers`.
    public static func lines(_ m: EventFileMetadata,
                             backgrounds: [(process: NuHepMCBackgroundProcess, expectedEvents: Double)] = []) -> [String] {
        let id = processID
        var description = m.model.radiativeCorrections
            ? "nu-e elastic scattering: SM W+Z with one-loop electroweak and QED corrections, recoil-electron energy spectrum (Bahcall, Kamionkowski & Sirlin, PRD 51, 6146 (1995))"
            : "nu-e elastic scattering at tree level: SM W+Z (Vogel & Engel, PRD 39, 3378 (1989))"
        var dois = m.model.radiativeCorrections ? ["10.1103/PhysRevD.51.6146"] : ["10.1103/PhysRevD.39.3378"]
        if m.model.kappaSquared != 0 { description += " + magnetic moment kappa^2 = \(m.model.kappaSquared) mu_B^2 (Vogel & Engel 1989)" }
        if m.model.couplingProduct != 0 {
            description += " + light vector Z' g_nu g_e = \(m.model.couplingProduct), M = \(m.model.mediatorMassMeV) MeV, \(m.model.interference == .exact ? "exact SM-Z' interference" : "pure Z' term only") (Harnik, Kopp & Machado, JCAP 07 (2012) 026; Cerdeno et al., JHEP 05 (2016) 118)"
            dois += ["10.1088/1475-7516/2012/07/026", "10.1007/JHEP05(2016)118"]
        }
        description += "; sin2thetaW = \(m.model.sin2ThetaW)\(m.model.radiativeCorrections ? " (MS-bar at M_Z)" : ""); detected events: T_reco >= \(m.thresholdMeV) MeV (Gaussian response truncated at T_reco >= 0) x efficiency; true T >= \(m.lowestRecoilMeV) MeV generated"
        let pb = picobarnPerSquareCentimeter
        let pseudo = backgrounds.isEmpty ? [] : [NuHepMCBackgroundProcess.depositNumber, NuHepMCBackgroundProcess.noTargetNumber]
            + (backgrounds.contains { $0.process.id > 1900 } ? [NuHepMCBackgroundProcess.userSourceNumber] : [])
        let pseudoInfo: [Int: (String, String)] = [
            NuHepMCBackgroundProcess.depositNumber: ("VisibleEnergyDeposit", "nue pseudo-particle: the electron-equivalent visible energy deposited by a background event, at rest, E = m = the deposit (MeV)"),
            NuHepMCBackgroundProcess.noTargetNumber: ("NoTarget", "nue pseudo-particle: placeholder target (zero four-momentum) of a spontaneous decay, which has none"),
            NuHepMCBackgroundProcess.userSourceNumber: ("UnspecifiedSource", "nue pseudo-particle: placeholder beam (zero four-momentum) of a user background spectrum"),
        ]
        var lines = [
            "HepMC::Version 3.02.06",
            "HepMC::Asciiv3-START_EVENT_LISTING",
            "W CV",
            "T \(m.tool)\\|\(m.toolVersion)\\|IsoDAR 8Li anti-nu-e electron scattering generator and detector simulation",
            "A NuHepMC.Version.Major 1",
            "A NuHepMC.Version.Minor 0",
            "A NuHepMC.Version.Patch 0",
            "A NuHepMC.Conventions G.C.2 G.C.3 E.C.1",
            "A NuHepMC.FluxAveragedTotalCrossSection \(m.fluxAveragedCrossSectionCm2 * pb)",
            "A NuHepMC.Units.CrossSection.Unit pb",
            "A NuHepMC.Units.CrossSection.TargetScale PerTargetElectron",
            "A NuHepMC.ProcessIDs \(([id] + backgrounds.map(\.process.id)).map(String.init).joined(separator: " "))",
            "A NuHepMC.ProcessInfo[\(id)].Name nu-e elastic scattering",
            "A NuHepMC.ProcessInfo[\(id)].Description \(description)",
        ]
        for b in backgrounds {
            lines += ["A NuHepMC.ProcessInfo[\(b.process.id)].Name \(b.process.name)",
                      "A NuHepMC.ProcessInfo[\(b.process.id)].Description \(b.process.description)"]
        }
        lines += [
            "A NuHepMC.Citations.Process[\(id)].DOI \(dois.joined(separator: " "))",
            "A NuHepMC.VertexStatusIDs 1",
            "A NuHepMC.VertexStatusInfo[1].Name PrimaryVertex",
            "A NuHepMC.VertexStatusInfo[1].Description The primary nu-e scattering vertex",
            "A NuHepMC.ParticleStatusIDs 1 4 20",
            "A NuHepMC.ParticleStatusInfo[1].Name UndecayedPhysical",
            "A NuHepMC.ParticleStatusInfo[1].Description Final-state particle",
            "A NuHepMC.ParticleStatusInfo[4].Name IncomingBeam",
            "A NuHepMC.ParticleStatusInfo[4].Description Incoming neutrino from the 8Li source" + (backgrounds.isEmpty ? "" : ", or the source of a background event (solar neutrino, decaying nucleus at rest, pseudo-particle)"),
            "A NuHepMC.ParticleStatusInfo[20].Name Target",
            "A NuHepMC.ParticleStatusInfo[20].Description Atomic electron at rest" + (backgrounds.isEmpty ? "" : " (free proton at rest for the IBD; the NoTarget pseudo-particle for decays)"),
            "A NuHepMC.AdditionalParticleNumbers " + pseudo.map(String.init).joined(separator: " "),
        ]
        for n in pseudo {
            lines += ["A NuHepMC.AdditionalParticleNumber[\(n)].Name \(pseudoInfo[n]!.0)",
                      "A NuHepMC.AdditionalParticleNumber[\(n)].Description \(pseudoInfo[n]!.1)"]
        }
        lines += [
            "A NuHepMC.Provenance.Seed \(m.seed)",
            "A NuHepMC.Provenance.Detector \(m.detectorName)",
            "A NuHepMC.Provenance.ThresholdMeV \(m.thresholdMeV)",
            "A NuHepMC.Provenance.Weighted \(m.weighted ? 1 : 0)",
            "A NuHepMC.Provenance.Selection detected",
            "A NuHepMC.Provenance.GeneratedCrossSection \(m.generatedCrossSectionCm2 * pb)",
            "A NuHepMC.Provenance.LowestTrueRecoilMeV \(m.lowestRecoilMeV)",
            "A NuHepMC.Provenance.ExpectedEventsPerPicobarn \(m.eventsPerSquareCentimeter / pb)",
        ]
        if !backgrounds.isEmpty {
            lines.append("A NuHepMC.Provenance.Backgrounds \(backgrounds.map(\.process.component).joined(separator: " "))")
            for b in backgrounds { lines.append("A NuHepMC.Provenance.ExpectedEvents[\(b.process.id)] \(b.expectedEvents)") }
        }
        return lines
    }
}
