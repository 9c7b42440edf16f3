import Foundation

/// ⁴²Ar and its daughter ⁴²K in a liquid-argon detector: expected decay counts over a live
/// time, and the visible-energy model of the background (docs/physics.md §6.5–6.6).
///
///     N(⁴²Ar) = (A / D) · M · t            (constant activity; or with ⁴²Ar decay, below)
///     N(⁴²K in the bulk) = f_bulk · N(⁴²Ar)  (secular equilibrium: T½(K) = 12.36 h ≪ T½(Ar))
///
/// with A the specific activity (Bq/kg), D ≥ 1 the depletion factor (underground argon), M the
/// argon mass (kg), t the live time (s) and f_bulk the fraction of ⁴²K decays in the bulk liquid
/// (the ⁴²K⁺ ions drift towards the cathode; DUNE background models keep ~0.2).
/// With `includesArgonDecay` the ⁴²Ar activity falls during the run:
/// N = (A/D) M τ (1 − e^{−t/τ}), τ = T½/ln 2 = 47.5 yr (5 yr: −5.1 %). Defaults: 92 μBq/kg (the
/// DUNE simulation default), 10 kt, 5 yr, f_bulk = 1, D = 1, γ containment 1.
public struct Argon42Chain: Sendable {
    /// DUNE simulation default ⁴²Ar specific activity, Bq/kg (92 μBq/kg).
    public static let duneActivity = 92e-6
    /// DEAP-3600 measured ⁴²Ar specific activity, Bq/kg (40 μBq/kg).
    public static let deapActivity = 40e-6

    /// ⁴²Ar specific activity of atmospheric argon, Bq/kg.
    public var activityBecquerelPerKilogram: Double
    /// Argon mass, kg (10 kt = 10⁷ kg).
    public var argonMassKilograms: Double
    /// Live time, years (Julian, 365.25 d).
    public var liveTimeYears: Double
    /// Fraction of ⁴²K decays occurring in the bulk liquid, in [0, 1].
    public var potassiumBulkFraction: Double
    /// Depletion factor D ≥ 1: the ⁴²Ar activity is divided by D (underground argon).
    public var depletionFactor: Double
    /// Fraction of prompt γ energy deposited, in [0, 1].
    public var gammaContainment: Double
    /// Account for the ⁴²Ar decay (T½ = 32.9 yr) during the live time (default false: constant
    /// activity, the usual convention of background budgets).
    public var includesArgonDecay: Bool

    public init(activityBecquerelPerKilogram: Double = Argon42Chain.duneActivity,
                argonMassKilograms: Double = 1e7, liveTimeYears: Double = 5,
                potassiumBulkFraction: Double = 1, depletionFactor: Double = 1,
                gammaContainment: Double = 1, includesArgonDecay: Bool = false) {
        self.activityBecquerelPerKilogram = activityBecquerelPerKilogram
        self.argonMassKilograms = argonMassKilograms
        self.liveTimeYears = liveTimeYears
        self.potassiumBulkFraction = potassiumBulkFraction
        self.depletionFactor = depletionFactor
        self.gammaContainment = gammaContainment
        self.includesArgonDecay = includesArgonDecay
    }

    /// Checks every parameter's range; throws `PhysicsInputError.invalidParameter`.
    public func validate() throws {
        func check(_ name: String, _ v: Double, _ ok: Bool, _ req: String) throws {
            guard v.isFinite, ok else { throw PhysicsInputError.invalidParameter(name: name, value: v, requirement: req) }
        }
        try check("Ar42 activity (Bq/kg)", activityBecquerelPerKilogram, activityBecquerelPerKilogram >= 0, "must be ≥ 0")
        try check("argon mass (kg)", argonMassKilograms, argonMassKilograms >= 0, "must be ≥ 0")
        try check("live time (yr)", liveTimeYears, liveTimeYears >= 0, "must be ≥ 0")
        try check("K42 bulk fraction", potassiumBulkFraction, (0...1).contains(potassiumBulkFraction), "must be in [0, 1]")
        try check("depletion factor", depletionFactor, depletionFactor >= 1, "must be ≥ 1 (activity is divided by it)")
        try check("gamma containment", gammaContainment, (0...1).contains(gammaContainment), "must be in [0, 1]")
    }

    /// Live time, s.
    public var liveTimeSeconds: Double { liveTimeYears * PhysicalConstants.secondsPerYear }

    /// ⁴²Ar activity in the detector at the start, Bq.
    public var argonActivityBecquerel: Double { activityBecquerelPerKilogram / depletionFactor * argonMassKilograms }

    /// Expected ⁴²Ar decays in the volume during the live time.
    public var argonDecays: Double {
        guard includesArgonDecay else { return argonActivityBecquerel * liveTimeSeconds }
        let tau = BetaEmitter.argon42HalfLife / log(2)
        return argonActivityBecquerel * tau * -expm1(-liveTimeSeconds / tau)
    }

    /// Expected ⁴²K decays in the bulk liquid during the live time.
    public var potassiumDecays: Double { potassiumBulkFraction * argonDecays }

    /// ⁴²Ar + bulk ⁴²K decays.
    public var totalDecays: Double { argonDecays + potassiumDecays }

    /// The branches of both emitters weighted by their expected decay counts.
    public func components(coulomb: BetaCoulombModel = .finiteSize) throws -> [BetaComponent] {
        try validate()
        return try BetaEmitter.argon42(coulomb: coulomb).components(decays: argonDecays)
            + BetaEmitter.potassium42(coulomb: coulomb).components(decays: potassiumDecays)
    }

    /// Visible-energy spectrum per decay (⁴²Ar and bulk ⁴²K mixed in proportion to their counts).
    public func visibleSpectrum(panelsPerComponent: Int = 1024) throws -> VisibleEnergySpectrum {
        try VisibleEnergySpectrum(components: components(), gammaContainment: gammaContainment,
                                  panelsPerComponent: panelsPerComponent)
    }

    /// A sampler of single decays of the chain (same mixture).
    public func sampler(cellsPerComponent: Int = 2048) throws -> BetaSampler {
        try BetaSampler(components: components(), cellsPerComponent: cellsPerComponent)
    }

    /// Expected background events with reconstructed visible energy in (lo, hi] (MeV) after
    /// Gaussian smearing σ(E) (MeV), passing a directional cut cos θ_reco > `cosineCut`
    /// (default −1: no cut) — isotropic, so the cut keeps (1 − c)/2 (`IsotropicDirection`):
    ///
    ///     N = N_decays × ∫ ρ_smeared(E) dE × (1 − c)/2
    ///
    /// Plain Gaussian; nue's detector response is `Simulation.DetectorResponse`.
    public func expectedEvents(from lo: Double, to hi: Double = .infinity, cosineCut: Double = -1,
                               resolution sigma: @escaping (Double) -> Double) throws -> Double {
        let spectrum = try visibleSpectrum()
        return try totalDecays * spectrum.smearedFraction(from: lo, to: hi, resolution: sigma)
            * IsotropicDirection.fractionPassing(cosineCut: cosineCut)
    }

    /// Expected background counts per reconstructed-energy bin (edges in MeV, see
    /// `VisibleEnergySpectrum.smearedBinFractions`), after the directional cut cos θ_reco > c:
    /// N_decays × P_i × (1 − c)/2. Build `visibleSpectrum()` once and call its methods directly
    /// when scanning many settings.
    public func expectedCounts(binEdges edges: [Double], cosineCut: Double = -1,
                               resolution sigma: @escaping (Double) -> Double) throws -> [Double] {
        let scale = totalDecays * IsotropicDirection.fractionPassing(cosineCut: cosineCut)
        return try visibleSpectrum().smearedBinFractions(edges: edges, resolution: sigma)
            .map { $0 * scale }
    }

    /// The specific activity (Bq/kg) for which ⁴²Ar + bulk ⁴²K give `decays` in this mass and
    /// live time (constant activity): A = N / [(1 + f_bulk) M t].
    public func activity(forTotalDecays decays: Double) -> Double {
        decays * depletionFactor / ((1 + potassiumBulkFraction) * argonMassKilograms * liveTimeSeconds)
    }
}
