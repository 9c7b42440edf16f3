/// Which Coulomb correction multiplies a β spectrum.
public enum BetaCoulombModel: String, Sendable, CaseIterable {
    /// F = 1: no Coulomb correction (for closed-form checks only).
    case none
    /// F₀(Z, W): the point-charge relativistic Fermi function at R (`FermiFunction`).
    case pointCharge
    /// F₀(Z, W) · L₀(Z, W): with Wilkinson's finite-size correction (the default;
    /// `FermiFunction.finiteSizeCorrection(totalEnergy:)`).
    case finiteSize
}
