/// The ν_e spectrum of ⁸B β⁺ decay to the ⁸Be 2⁺ continuum, the mirror of ⁸Li (docs/physics.md
/// §4.5): dN/dE_ν ∝ Σ_j s_j · p W E_ν² F(−Z = 4, W), W = Q_β⁺ − E_x,j + m_e − E_ν, with
/// Q_β⁺ = 16.9579 MeV. With the measured strength (`Beryllium8Strength`) it reproduces the
/// spectrum of Winter et al. (2006) it was unfolded from; the resonance and sharp models are the
/// same single-level forms as for ⁸Li.
public enum Boron8Spectrum {
    /// The spectrum on a grid of `points` energies from 0 to the endpoint.
    public static func make(finalState: Beryllium8FinalState, points: Int = 801) throws -> NeutrinoSpectrum {
        let q = Beryllium8Strength.boron8QValue
        let shape = AllowedBetaShape(qValueMeV: q, fermi: FermiFunction(daughterCharge: 4, massNumber: 8, decay: .betaPlus))
        let endpoint = q - finalState.minimumExcitation
        let energies = (0..<points).map { endpoint * Double($0) / Double(points - 1) }
        let weights = try finalState.fold(shape, energies: energies)
        return try NeutrinoSpectrum(name: "B8 (\(finalState.label))", energies: energies, weights: weights)
    }
}
