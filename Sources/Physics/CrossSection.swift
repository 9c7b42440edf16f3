import GSL

/// A differential ν–e⁻ cross section per target electron.
///
/// Conventions: energies in MeV, `differential` in cm²/MeV, integrals in cm². A value is 0
/// outside the kinematic range 0 < T ≤ T_max(E).
public protocol CrossSection: Sendable {
    /// A short label for tables and event files.
    var label: String { get }
    /// dσ/dT(E, T), cm²/MeV.
    func differential(neutrinoEnergy e: Double, recoil t: Double) -> Double
    /// ∫ dσ/dT dT over [lower, upper] ∩ (0, T_max(E)], cm².
    func integrated(neutrinoEnergy e: Double, recoilFrom lower: Double, to upper: Double) throws -> Double
}

extension CrossSection {
    /// Numerical integral of `differential` with GSL QAGS (handles the 1/T end point of the
    /// magnetic moment). A divergent integral (a lower limit of 0 with a 1/T term) throws.
    public func integrated(neutrinoEnergy e: Double, recoilFrom lower: Double, to upper: Double) throws -> Double {
        try numericalIntegral(neutrinoEnergy: e, recoilFrom: lower, to: upper)
    }

    /// ∫ dσ/dT dT by GSL QAGS at relative tolerance 10⁻¹⁰ (handles integrable end-point
    /// singularities: the 1/T of the magnetic moment at a lower limit above 0, the soft-photon
    /// logarithm of the radiatively corrected spectrum at T_max), cm².
    public func numericalIntegral(neutrinoEnergy e: Double, recoilFrom lower: Double, to upper: Double) throws -> Double {
        let (lo, hi) = try Self.clippedRecoilRange(neutrinoEnergy: e, lower, upper)
        guard hi > lo else { return 0 }
        return try Integrator(limit: 200).qags({ self.differential(neutrinoEnergy: e, recoil: $0) },
                                               from: lo, to: hi, relativeTolerance: 1e-10).value
    }

    /// σ over the whole kinematic range (T from 0 to T_max), cm².
    public func total(neutrinoEnergy e: Double) throws -> Double {
        try integrated(neutrinoEnergy: e, recoilFrom: 0, to: Kinematics.maxRecoil(neutrinoEnergy: e))
    }

    /// [max(lower, 0), min(upper, T_max)] with the inputs checked.
    public static func clippedRecoilRange(neutrinoEnergy e: Double, _ lower: Double, _ upper: Double) throws -> (Double, Double) {
        guard e.isFinite, e > 0 else { throw PhysicsInputError.invalidNeutrinoEnergy(e) }
        guard lower.isFinite, upper.isFinite, lower >= 0, upper >= lower else {
            throw PhysicsInputError.invalidRecoilRange(lower, upper)
        }
        return (lower, min(upper, Kinematics.maxRecoil(neutrinoEnergy: e)))
    }
}
