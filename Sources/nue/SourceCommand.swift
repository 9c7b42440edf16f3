import ArgumentParser
import Physics

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "The IsoDAR ⁸Li ν̄e source: spectrum model, mean energy, endpoint.")

    @Option(help: "⁸Be final-state model: resonance (default) or sharp.")
    var finalState: String = "resonance"
    @Option(help: "Use a tabulated spectrum instead: a two-column file (E in MeV, weight).")
    var spectrumFile: String?
    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        let name: String
        let mean_energy_mev: Double
        let endpoint_mev: Double
    }

    func run() throws {
        let spectrum: NeutrinoSpectrum
        do {
            if let path = spectrumFile {
                spectrum = try NeutrinoSpectrum.load(path: path)
            } else {
                switch finalState {
                case "resonance": spectrum = try Lithium8Spectrum.make()
                case "sharp": spectrum = try Lithium8Spectrum.make(finalState: .sharp(excitation: 3.03))
                default: throw ValidationError("unknown --final-state '\(finalState)'; choose resonance or sharp")
                }
            }
        } catch let error as SpectrumError { throw ValidationError(error.description) }
        let out = Output(name: spectrum.name, mean_energy_mev: try spectrum.meanEnergy(), endpoint_mev: spectrum.endpoint)
        if json { try printJSON(out) } else {
            print("source     \(out.name)")
            print("⟨E⟩        \(out.mean_energy_mev) MeV")
            print("endpoint   \(out.endpoint_mev) MeV")
        }
    }
}
