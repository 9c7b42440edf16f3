import Output
/// Events as CSV with one header row:
/// `enu_mev,t_mev,cos_theta,t_reco_mev,cos_theta_reco,weight` (cosines to the neutrino direction at
/// the vertex; `cos_theta_reco` is `nan` for detectors without direction information).
/// Numbers use Swift's shortest round-trip formatting, so a file is byte-reproducible.
/// With backgrounds (`withComponents`) a last column `component` names each event's source
/// (`signal` or the background's name); a background event has `t_mev` = its deposited
/// electron-equivalent energy and `nan` for the neutrino energy and the angles.
public final class CSVEventWriter: EventWriter, BackgroundEventWriter {
    public static let header = "enu_mev,t_mev,cos_theta,t_reco_mev,cos_theta_reco,weight"
    private let file: AtomicFile
    private let withComponents: Bool
    public private(set) var count = 0

    public init(path: String, withComponents: Bool = false) throws {
        file = try AtomicFile(path: path)
        self.withComponents = withComponents
        try file.write(Self.header + (withComponents ? ",component" : "") + "\n")
    }

    public func write(_ e: Event) throws {
        try file.write("\(e.neutrinoEnergyMeV),\(e.recoilMeV),\(e.cosTheta),\(e.recoRecoilMeV),\(e.cosThetaReco),\(e.weight)"
                       + (withComponents ? ",signal\n" : "\n"))
        count += 1
    }

    /// A detected background event (files opened `withComponents`).
    public func writeBackground(energyMeV: Double, recoEnergyMeV: Double, component: String) throws {
        try file.write("nan,\(energyMeV),nan,\(recoEnergyMeV),nan,1.0,\(component)\n")
        count += 1
    }

    public func finish() throws { try file.commit() }
    public func abandon() { file.abandon() }
}
