/// Which Coulomb correction multiplies a β spectrum.
public enum BetaCoulombModel: String, Sendable, CaseIterable {
    /// F = 1: no Coulomb correction (for closed-form checks only).
    case none
    /// F₀(Z, W): the point-charge relativistic Fermi function at R (`FermiFunction`).
    case pointCharge
    /// F₀(Z, W) · L₀(Z, W): with Wilkinson's finite-size correction (the default;
    /// `FermiFunction.finiteSizeCorrection(totalEnergy:)`).
    case finiteSize
    /// F₀ · L₀, and in unique-forbidden shape factors the Coulomb functions λ_k = F_{k−1}/F₀
    /// (`FermiFunction.coulombFunctionRatio(order:totalEnergy:)`) instead of λ_k = 1
    /// (`BetaShape.factor(w:w0:lambda2:lambda3:lambda4:)`; docs/physics.md §14.2). Identical to
    /// `.finiteSize` for allowed shapes. The default of the background presets of §14.
    case finiteSizeWithCoulombFunctions
}
