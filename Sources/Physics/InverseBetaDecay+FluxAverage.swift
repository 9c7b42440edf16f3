import Foundation

extension InverseBetaDecay {
    /// The flux-averaged inverse-β-decay cross section of a ν̄_e spectrum, cm² per free proton
    /// (docs/physics.md §13.5):
    ///
    ///     ⟨σ_IBD⟩ = ∫_{E_th}^{E_end} φ(E) σ(E) dE,    ∫ φ = 1,
    ///
    /// σ of Strumia & Vissani (2003) eq. (25) (`crossSection(neutrinoEnergy:)`), GSL QAG over the
    /// spectrum's grid from the threshold 1.806 MeV. Counts = ⟨σ_IBD⟩ × ν̄_e per cm² × free protons.
    public static func fluxAveragedCrossSection(_ spectrum: NeutrinoSpectrum) throws -> Double {
        guard spectrum.endpoint > threshold else { return 0 }
        return try spectrum.average({ crossSection(neutrinoEnergy: $0) }, from: threshold)
    }
}
