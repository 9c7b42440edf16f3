import ArgumentParser
import Foundation
import Physics
import Studies

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "The IsoDAR ⁸Li ν̄e source: spectrum model, mean energy, endpoint.")

    @Option(help: "⁸Be final-state model: \(RunCard.FinalState.allValueStrings.joined(separator: " or ")).")
    var finalState: RunCard.FinalState = .resonance
    @Option(help: "Use a tabulated spectrum instead: a two-column file (E in MeV, weight).")
    var spectrumFile: String?
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    struct Output: Encodable {
        let name: String
        let mean_energy_mev: Double
        let endpoint_mev: Double
        let flux_averaged: [FluxAveragedRow]
    }

    /// ⟨σ⟩ above a recoil threshold: SM, and the magnetic-moment term per unit κ² evaluated at κ = 10⁻¹¹.
    struct FluxAveragedRow: Encodable {
        let threshold_mev: Double
        let sm_cm2: Double
        let magnetic_moment_at_1e_11_cm2: Double
    }

    static let thresholdsMeV = [0.2, 1.0, 3.0]

    func run() throws {
        let spectrum: NeutrinoSpectrum
        do {
            spectrum = try spectrumFile.map { try NeutrinoSpectrum.load(path: $0) }
                ?? Lithium8Spectrum.make(finalState: finalState.physics)
        } catch { throw CommandFailure(error) }
        let sm = StandardModelCrossSection()
        let magnetic = MagneticMomentCrossSection(kappa: 1e-11)
        let rows = try Self.thresholdsMeV.map { t in
            FluxAveragedRow(threshold_mev: t,
                            sm_cm2: try spectrum.fluxAveragedCrossSection(sm, recoilAboveMeV: t),
                            magnetic_moment_at_1e_11_cm2: try spectrum.fluxAveragedCrossSection(magnetic, recoilAboveMeV: t))
        }
        let out = Output(name: spectrum.name, mean_energy_mev: try spectrum.meanEnergy(), endpoint_mev: spectrum.endpoint,
                         flux_averaged: rows)
        if json { try printJSON(out) } else {
            print("source     \(out.name)")
            print("⟨E⟩        \(String(format: "%.4f", out.mean_energy_mev)) MeV")
            print("endpoint   \(String(format: "%.4f", out.endpoint_mev)) MeV")
            print("")
            print("Flux-averaged ν̄e–e cross sections (sin²θ_W = \(ElectroweakCouplings.defaultSin2ThetaW), per electron)")
            print("| T threshold (MeV) | ⟨σ_SM⟩ (cm²) | ⟨σ_μν⟩ at κ = 1e-11 (cm²) | ratio μν/SM |")
            print("|---|---|---|---|")
            for r in rows {
                print(String(format: "| %.1f | %.4e | %.4e | %.4f |", r.threshold_mev, r.sm_cm2, r.magnetic_moment_at_1e_11_cm2,
                             r.magnetic_moment_at_1e_11_cm2 / r.sm_cm2))
            }
        }
    }
}

extension RunCard.FinalState: ExpressibleByArgument {}
