import Foundation
import GSL

/// The ν̄_e spectrum of ⁸Li β⁻ decay (2⁺ → ⁸Be 2⁺ continuum, allowed Gamow–Teller; docs/physics.md §4.2):
///
///     dN/dE_ν ∝ ∫ dE_x ρ(E_x) · p W E_ν² F₀(Z = 4, W),   W = Q − E_x + m_e − E_ν
///
/// Q = 16.004 MeV (atomic mass difference to the ⁸Be ground state). The rate into each E_x is
/// weighted by its phase space, so low E_x (high endpoints) count more than ρ alone says.
/// ρ(E_x) is `Beryllium8FinalState`; the default is the strength unfolded from the measured ⁸B
/// spectrum (`Beryllium8Strength.measured()`, docs/physics.md §4.5.1, ⟨E⟩ = 6.359 MeV); the
/// single-level resonance (`.standard`, ⟨E⟩ = 6.669 MeV) remains available. Recoil-order
/// and radiative corrections are neglected (≲ 1 % on the shape).
public enum Lithium8Spectrum {
    /// ⁸Li β⁻ Q value to the ⁸Be ground state, MeV (AME2020).
    public static let qValue = 16.004

    /// The spectrum on a grid of `points` energies from 0 to the endpoint.
    /// - Parameter finalState: nil for the default, the measured final state (central ⁸B shape).
    public static func make(finalState: Beryllium8FinalState? = nil, points: Int = 801) throws -> NeutrinoSpectrum {
        let finalState = try finalState ?? .measured(Beryllium8Strength.measured())
        let shape = AllowedBetaShape(qValueMeV: qValue, fermi: FermiFunction(daughterCharge: 4, massNumber: 8))
        let endpoint = qValue - finalState.minimumExcitation
        let energies = (0..<points).map { endpoint * Double($0) / Double(points - 1) }

        let weights = try finalState.fold(shape, energies: energies)
        return try NeutrinoSpectrum(name: "Li8 (\(finalState.label))", energies: energies, weights: weights)
    }
}
