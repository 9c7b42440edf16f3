/// Argon backgrounds other than ⁴²Ar/⁴²K (docs/physics.md §14.6): ³⁹Ar β decay and the γ cascade
/// of neutron capture on ⁴⁰Ar.
extension BetaEmitter {
    /// ³⁹Ar specific activity of atmospheric argon, Bq/kg: 1.01 ± 0.02 (stat) ± 0.08 (syst)
    /// (WARP, Benetti et al., NIM A 574, 83 (2007)). Underground argon is depleted by a large
    /// factor; divide by it.
    public static let argon39SpecificActivity = 1.01
    /// ³⁹Ar half-life, s (269 yr, ENSDF/NuDat 3, A = 39).
    public static let argon39HalfLife = 269 * PhysicalConstants.secondsPerYear
    /// ³⁹Ar β⁻ Q value, MeV (565 ± 5 keV, AME2020).
    public static let argon39QValue = 0.565

    /// ³⁹Ar (7/2⁻) → ³⁹K (3/2⁺) g.s., 100 %, unique first-forbidden, T₀ = 0.565 MeV, Z = 19, A = 39.
    /// The single-decay spectrum only: pile-up of several ³⁹Ar decays within a readout window
    /// (≈ 10⁴ Bq in 10 kt) is a detector-simulation matter.
    public static func argon39(coulomb: BetaCoulombModel = .finiteSizeWithCoulombFunctions) throws -> BetaEmitter {
        let b = try BetaBranch(name: "Ar39 -> K39 g.s.", endpointKineticEnergy: argon39QValue, daughterCharge: 19,
                               massNumber: 39, shape: .uniqueFirstForbidden, coulomb: coulomb)
        return try BetaEmitter(name: "Ar39", halfLife: argon39HalfLife, branches: [b], intensities: [100])
    }

    /// Expected ³⁹Ar decays in `argonMassKilograms` of argon over `liveTimeSeconds`, for a specific
    /// activity (Bq/kg, default atmospheric) divided by a depletion factor D ≥ 1:
    /// N = (A/D) M t (constant activity: T½ = 269 yr ≫ any run).
    public static func argon39Decays(argonMassKilograms: Double, liveTimeSeconds: Double,
                                     specificActivity: Double = argon39SpecificActivity,
                                     depletionFactor: Double = 1) throws -> Double {
        for (name, v, ok) in [("argon mass (kg)", argonMassKilograms, argonMassKilograms >= 0),
                              ("live time (s)", liveTimeSeconds, liveTimeSeconds >= 0),
                              ("Ar39 specific activity (Bq/kg)", specificActivity, specificActivity >= 0),
                              ("depletion factor", depletionFactor, depletionFactor >= 1)] where !(v.isFinite && ok) {
            throw PhysicsInputError.invalidParameter(name: name, value: v,
                                                     requirement: name == "depletion factor" ? "must be ≥ 1" : "must be finite and ≥ 0")
        }
        return specificActivity / depletionFactor * argonMassKilograms * liveTimeSeconds
    }
}

extension EnergyLine {
    /// Energy of the γ cascade after thermal neutron capture on ⁴⁰Ar, MeV: the neutron separation
    /// energy of ⁴¹Ar, S_n = 6.0989 MeV (AME2020; the cascade, typically several γ through
    /// low-lying ⁴¹Ar levels, sums to it: Fischer et al. (ACED), PRD 99, 103021 (2019)).
    public static let argon40NeutronCaptureEnergy = 6.0989

    /// ⁴⁰Ar(n, γ)⁴¹Ar: one γ line of summed energy 6.0989 MeV; its visible energy c × 6.0989 MeV
    /// with the γ containment c (a 6 MeV multi-γ cascade escapes partly from a detector's edge;
    /// c = 1 is full containment). The ⁴¹Ar produced β-decays later (T½ = 109.6 min), separately.
    public static let argon40NeutronCapture = EnergyLine(validatedName: "Ar40(n,gamma)Ar41", localEnergy: 0,
                                                         gammaEnergy: argon40NeutronCaptureEnergy, alphaEnergy: 0,
                                                         quenchingFactor: 1)
}

extension BackgroundVisibleSpectrum {
    /// The visible energy of one ⁴⁰Ar neutron capture: a line at c × 6.0989 MeV.
    public static func argon40NeutronCapture(gammaContainment: Double = 1) throws -> BackgroundVisibleSpectrum {
        try BackgroundVisibleSpectrum(lineComponents: [LineComponent(weight: 1, line: .argon40NeutronCapture, emitter: "Ar40(n,gamma)")],
                                      gammaContainment: gammaContainment)
    }
}
