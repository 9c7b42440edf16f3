import Foundation
import GSL

/// The ν̄_e spectrum of ⁸Li β⁻ decay (2⁺ → ⁸Be 2⁺ continuum, allowed Gamow–Teller; docs/physics.md §4.2):
///
///     dN/dE_ν ∝ ∫ dE_x ρ(E_x) · p W E_ν² F₀(Z = 4, W),   W = Q − E_x + m_e − E_ν
///
/// Q = 16.004 MeV (atomic mass difference to the ⁸Be ground state). The rate into each E_x is
/// weighted by its phase space, so low E_x (high endpoints) count more than ρ alone says.
/// ρ(E_x) is `Beryllium8FinalState` (default: energy-dependent-width resonance). Recoil-order
/// and radiative corrections are neglected (≲ 1 % on the shape).
public enum Lithium8Spectrum {
    /// ⁸Li β⁻ Q value to the ⁸Be ground state, MeV (AME2020).
    public static let qValue = 16.004

    /// The spectrum on a grid of `points` energies from 0 to the endpoint.
    public static func make(finalState: Beryllium8FinalState = .standard, points: Int = 801) throws -> NeutrinoSpectrum {
        let shape = AllowedBetaShape(qValueMeV: qValue, fermi: FermiFunction(daughterCharge: 4, massNumber: 8))
        let endpoint = qValue - finalState.minimumExcitation
        let energies = (0..<points).map { endpoint * Double($0) / Double(points - 1) }

        func allowed(_ eNu: Double, _ ex: Double) -> Double { shape(neutrinoEnergy: eNu, excitation: ex) }

        var weights = [Double](repeating: 0, count: points)
        switch finalState {
        case .sharp(let ex):
            for (i, e) in energies.enumerated() { weights[i] = allowed(e, ex) }
        case .measured(let strength):
            for (i, e) in energies.enumerated() {
                weights[i] = zip(strength.excitationsMeV, strength.strength).reduce(0) { $0 + $1.1 * allowed(e, $1.0) }
            }
        case .resonance:
            // ρ(E_x) tabulated once on a fine grid; Simpson's rule over E_x for each E_ν.
            let exLow = finalState.minimumExcitation, exHigh = qValue
            let n = 4000
            let h = (exHigh - exLow) / Double(n)
            var rho = [Double](repeating: 0, count: n + 1)
            for k in 0...n { rho[k] = try finalState.density(excitation: exLow + Double(k) * h) }
            for (i, e) in energies.enumerated() {
                var sum = 0.0
                for k in 0...n {
                    let simpson: Double = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2)
                    sum += simpson * rho[k] * allowed(e, exLow + Double(k) * h)
                }
                weights[i] = sum * h / 3
            }
        }
        let label: String
        switch finalState {
        case .sharp(let ex): label = "Li8 (sharp 8Be level at \(ex) MeV)"
        case .resonance: label = "Li8 (8Be 2+ resonance, energy-dependent width)"
        case .measured: label = "Li8 (8Be final state unfolded from the measured 8B spectrum, Winter et al. 2006)"
        }
        return try NeutrinoSpectrum(name: label, energies: energies, weights: weights)
    }
}
