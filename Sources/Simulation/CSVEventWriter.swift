import Output
/// Events as CSV with one header row:
/// `enu_mev,t_mev,cos_theta,t_reco_mev,cos_theta_reco,weight` (cosines to the neutrino direction at
/// the vertex; `cos_theta_reco` is `nan` for detectors without direction information).
/// Numbers use Swift's shortest round-trip formatting, so a file is byte-reproducible.
public final class CSVEventWriter: EventWriter {
    public static let header = "enu_mev,t_mev,cos_theta,t_reco_mev,cos_theta_reco,weight"
    private let file: AtomicFile
    public private(set) var count = 0

    public init(path: String) throws {
        file = try AtomicFile(path: path)
        try file.write(Self.header + "\n")
    }

    public func write(_ e: Event) throws {
        try file.write("\(e.neutrinoEnergyMeV),\(e.recoilMeV),\(e.cosTheta),\(e.recoRecoilMeV),\(e.cosThetaReco),\(e.weight)\n")
        count += 1
    }

    public func finish() throws { try file.commit() }
    public func abandon() { file.abandon() }
}
