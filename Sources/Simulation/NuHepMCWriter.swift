import Foundation
import Physics
import Output

/// Events in NuHepMC v1.0.0 (arXiv:2310.13211; github.com/NuHepMC/Spec) on HepMC3 Asciiv3
/// (Buckley et al., Comput. Phys. Commun. 260, 107310 (2021)). Units MEV and MM. The run info
/// (G.R.1–G.R.11, G.C.2, G.C.3, the process ID and target-scale choices) is `NuHepMCRunInfo`.
///
/// Per event (checked by `EventFileTests` and, through pyhepmc, `NuHepMCPyhepmcTests`):
/// - E.R.2 unique non-negative event numbers; E.R.3 `signal_process_id` = 750; E.R.4 `U MEV MM`;
///   E.R.5 `lab_pos` = [0, 0, 0] (no macroscopic geometry); E.R.6 exactly one vertex, status 1 (V.R.1);
/// - E.R.7 exactly one beam particle (status 4, ν̄e, PDG −12) and one target (status 20, e⁻ at rest,
///   PDG 11: the more massive of the two colliding particles, as E.R.7 recommends);
/// - E.R.8 all incoming and outgoing particles written; E.R.9 lab frame (electron at rest, ν along +z);
/// - P.R.1 status codes: 4 beam, 20 target, 1 final state;
/// - G.R.7 the `CV` weight of the event (1 unweighted).
///
/// With backgrounds (`backgrounds:` at init, `writeBackground`), background events follow the
/// signal's, each with its component's process ID and minimal record (`NuHepMCBackgroundProcess`).
public final class NuHepMCWriter: EventWriter, BackgroundEventWriter {
    public static let processID = NuHepMCRunInfo.processID
    private let file: AtomicFile
    private let pdgNeutrino: Int
    public private(set) var count = 0

    private let backgroundProcesses: [String: NuHepMCBackgroundProcess]

    /// - Parameter backgrounds: the background components whose events `writeBackground` will
    ///   write, with their expected detected events (declared in the header); empty: ν–e only.
    public init(path: String, metadata m: EventFileMetadata, backgrounds: [(component: String, expectedEvents: Double)] = []) throws {
        file = try AtomicFile(path: path)
        pdgNeutrino = m.model.flavor.pdgCode
        let processes = NuHepMCBackgroundProcess.processes(for: backgrounds.map(\.component))
        backgroundProcesses = Dictionary(uniqueKeysWithValues: processes.map { ($0.component, $0) })
        let expected = processes.map { p in
            (process: p, expectedEvents: backgrounds.filter { $0.component == p.component }.reduce(0) { $0 + $1.expectedEvents })
        }
        try file.write(NuHepMCRunInfo.lines(m, backgrounds: expected).joined(separator: "\n") + "\n")
    }

    /// A detected background event of `component` (declared at init): deposited and reconstructed
    /// energies in MeV.
    public func writeBackground(energyMeV: Double, recoEnergyMeV: Double, component: String) throws {
        guard let process = backgroundProcesses[component] else {
            throw SimulationError.invalidParameter(name: "background component '\(component)'", value: .nan,
                                                   requirement: "must be declared when the NuHepMC file is opened")
        }
        var text = "E \(count) 1 3\nU MEV MM\nW 1.0\n"
        text += "A 0 lab_pos 0 0 0\nA 0 signal_process_id \(process.id)\n"
        text += "A 0 nue.component \(component)\nA 0 nue.deposited_energy_mev \(energyMeV)\n"
        text += "A 0 nue.reconstructed_energy_mev \(recoEnergyMeV)\nA 0 nue.unknown \(process.unknown)\n"
        text += process.particleLines(deposit: energyMeV)
        try file.write(text)
        count += 1
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
