import ArgumentParser
import Foundation
import Physics
import Studies

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "The IsoDAR ⁸Li ν̄e source (or its mirror, ⁸B): spectrum model, mean energy, endpoint, the spectrum.",
        discussion: """
            --final-state measured uses the ⁸Be strength unfolded from the measured ⁸B spectrum of Winter \
            et al. (2006); --shape plus-1sigma|minus-1sigma unfolds the table's ±1σ shapes instead (the \
            pair of ⁸Li spectra for a shape systematic). The JSON carries the spectrum ("spectrum": \
            [[E, density], …], unit area) and, for the measured state, the ⁸B fit (χ² over 1–14 MeV, means).
            Example: nue source --isotope b8 --final-state measured --json
            """)

    /// The decaying nucleus.
    enum Isotope: String, ExpressibleByArgument, CaseIterable {
        /// ⁸Li β⁻ → ν̄e (IsoDAR).
        case li8
        /// ⁸B β⁺ → νe (the solar mirror decay; validates the measured ⁸Be final state).
        case b8
    }

    @Option(help: "Isotope: \(Isotope.allValueStrings.joined(separator: " or ")).")
    var isotope: Isotope = .li8
    @Option(help: "⁸Be final-state model: \(RunCard.FinalState.allValueStrings.joined(separator: ", ")).")
    var finalState: RunCard.FinalState = .lithium8Default
    @Option(help: "Measured final state: which ⁸B shape to unfold (\(Beryllium8Strength.Shape.allValueStrings.joined(separator: ", "))).")
    var shape: Beryllium8Strength.Shape = .central
    @Option(help: "Use a tabulated spectrum instead: a two-column file (E in MeV, weight).")
    var spectrumFile: String?
    @Flag(help: "Flux-averaged cross sections with the BKS one-loop corrections (sin²θ̂_W(M_Z) = 0.23122; docs/physics.md §9).")
    var radiativeCorrections = false
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    struct Output: Encodable {
        let name: String
        let isotope: String
        let final_state: String
        let mean_energy_mev: Double
        let endpoint_mev: Double
        /// sin²θ_W and whether the flux-averaged SM values carry the BKS corrections.
        let sin2_theta_w: Double
        let radiative_corrections: Bool
        let flux_averaged: [FluxAveragedRow]
        /// [E (MeV), density (1/MeV)], unit area.
        let spectrum: [[Double]]
        let b8_fit: Boron8Fit?
    }

    /// The measured final state's fit to the ⁸B table (Winter et al. 2006).
    struct Boron8Fit: Encodable {
        let shape: String
        let chi2: Double
        let points: Int
        /// The largest |fit − table| / |δλ| over the fitted points.
        let largest_pull: Double
        let energy_range_mev: [Double]
        let mean_fitted_mev: Double
        let mean_measured_mev: Double
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
        var fit: Boron8Fit?
        do {
            if let spectrumFile {
                spectrum = try NeutrinoSpectrum.load(path: spectrumFile)
            } else {
                var model = try finalState.physics()
                if finalState == .measured {
                    let strength = try Beryllium8Strength.measured(shape)
                    model = .measured(strength)
                    fit = Boron8Fit(shape: shape.rawValue, chi2: strength.chiSquared, points: strength.fitPoints,
                                    largest_pull: strength.largestPull,
                                    energy_range_mev: [1, 14], mean_fitted_mev: strength.fittedMeanMeV,
                                    mean_measured_mev: strength.measuredMeanMeV)
                }
                spectrum = isotope == .li8 ? try Lithium8Spectrum.make(finalState: model)
                    : try Boron8Spectrum.make(finalState: model)
            }
        } catch { throw CommandFailure(error) }
        let sin2ThetaW = ElectroweakCouplings.defaultSin2ThetaW(radiativeCorrections: radiativeCorrections)
        let sm = StandardModelCrossSection(flavor: isotope == .li8 ? .electronAntineutrino : .electronNeutrino,
                                           sin2ThetaW: sin2ThetaW, radiativeCorrections: radiativeCorrections)
        let magnetic = MagneticMomentCrossSection(kappa: 1e-11)
        let rows = try Self.thresholdsMeV.map { t in
            FluxAveragedRow(threshold_mev: t,
                            sm_cm2: try spectrum.fluxAveragedCrossSection(sm, recoilAboveMeV: t),
                            magnetic_moment_at_1e_11_cm2: try spectrum.fluxAveragedCrossSection(magnetic, recoilAboveMeV: t))
        }
        let out = Output(name: spectrum.name, isotope: isotope.rawValue,
                         final_state: spectrumFile == nil ? finalState.rawValue : "file", mean_energy_mev: try spectrum.meanEnergy(),
                         endpoint_mev: spectrum.endpoint,
                         sin2_theta_w: sin2ThetaW, radiative_corrections: radiativeCorrections, flux_averaged: rows,
                         spectrum: zip(spectrum.energies, spectrum.densities).map { [$0, $1] }, b8_fit: fit)
        if json { try printJSON(out) } else {
            print("source     \(out.name)")
            print("⟨E⟩        \(String(format: "%.4f", out.mean_energy_mev)) MeV")
            print("endpoint   \(String(format: "%.4f", out.endpoint_mev)) MeV")
            if let fit {
                print("⁸B fit     χ² = \(String(format: "%.1f", fit.chi2)) for \(fit.points) points (1–14 MeV, largest pull \(String(format: "%.2f", fit.largest_pull))σ), ⟨E⟩ "
                      + "\(String(format: "%.4f", fit.mean_fitted_mev)) vs \(String(format: "%.4f", fit.mean_measured_mev)) MeV measured")
            }
            print("")
            print("Flux-averaged ν̄e–e cross sections (sin²θ_W = \(sin2ThetaW)\(radiativeCorrections ? ", BKS radiative corrections" : ""), per electron)")
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
extension Beryllium8Strength.Shape: ExpressibleByArgument {}
