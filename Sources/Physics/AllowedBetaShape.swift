/// The allowed β-decay neutrino spectrum to one final level (docs/physics.md §4.2):
///
///     dN/dE_ν ∝ p W E_ν² F(±Z, W),   W = Q − E_x + m_e − E_ν  (total positron/electron energy, MeV)
///
/// unnormalized: its integral over E_ν is the phase space of the level. `q` is the kinetic
/// endpoint to the daughter's ground state (β⁻: atomic mass difference; β⁺: minus 2 m_e).
/// Recoil-order and radiative corrections are neglected (≲ 1 % on the shape).
struct AllowedBetaShape: Sendable {
    let qValueMeV: Double
    let fermi: FermiFunction

    func callAsFunction(neutrinoEnergy eNu: Double, excitation ex: Double) -> Double {
        let me = PhysicalConstants.electronMass
        let w = qValueMeV - ex + me - eNu
        guard w > me, eNu >= 0 else { return 0 }
        let p = (w * w - me * me).squareRoot()
        return p * w * eNu * eNu * fermi(totalEnergy: w)
    }
}
