import Foundation

/// ³⁹Ar decays in a liquid-argon TPC, single and piled up (docs/physics.md §15.2). A reconstructed
/// low-energy cluster collects every decay inside a cluster volume V within a readout window τ;
/// with the ³⁹Ar decay rate density a = (A/D) ρ (Bq per litre) the number of decays in one
/// (V, τ) cell is Poisson with mean
///
///     μ = (A / D) · ρ · V · τ
///
/// and over a live time t in argon mass M there are N_cells = (M / ρV) · (t / τ) cells, so the
/// expected number of clusters made of exactly n decays is
///
///     N_n = N_cells · e^{−μ} μⁿ / n!,      Σ_n n N_n = (A/D) M t  (every decay counted once),
///
/// each with visible energy the sum of n ³⁹Ar β energies (the n-fold convolution of the single
/// spectrum, `summedSpectrum(multiplicity:)`; Q = 0.565 MeV, so n decays reach at most n × 0.565 MeV).
/// n = 1 is the ordinary single decay. Treating cells as disjoint tiles of (space, time) is the
/// approximation (decays straddling two cells are split, not merged), adequate for μ ≪ 1.
///
/// Defaults: A = 1.01 Bq/kg (WARP, Benetti et al., NIM A 574, 83 (2007): 1.01 ± 0.02 ± 0.08),
/// D = 1 (atmospheric argon; underground argon: D ≈ 1400, DarkSide-50, PRD 93, 081101 (2016)),
/// ρ = 1.3954 kg/L (LAr at 87 K), τ = 2.25 ms (assumed: DUNE's full drift time, 3.5 m at
/// 1.6 mm/μs — a cluster without a t₀ can sit anywhere along the drift), V = 1 L (assumed: a
/// 10 cm cube, a few times the size of a few-MeV electron's charge deposit).
public struct Argon39PileUp: Sendable, Equatable, Codable {
    /// ³⁹Ar specific activity, Bq/kg (≥ 0; default atmospheric 1.01).
    public var specificActivity: Double
    /// Depletion factor D ≥ 1 dividing the activity (underground argon).
    public var depletionFactor: Double
    /// Readout (pile-up) window τ, s (> 0).
    public var windowSeconds: Double
    /// Cluster volume V, litres (> 0).
    public var clusterVolumeLiters: Double
    /// Liquid-argon density ρ, kg/L.
    public var densityKilogramsPerLiter: Double

    /// LAr density at 87 K, kg/L.
    public static let liquidArgonDensity = 1.3954
    /// DUNE's full drift time, s: assumed default window.
    public static let defaultWindowSeconds = 2.25e-3
    /// Assumed default cluster volume, litres.
    public static let defaultClusterVolumeLiters = 1.0

    public init(specificActivity: Double = BetaEmitter.argon39SpecificActivity, depletionFactor: Double = 1,
                windowSeconds: Double = Argon39PileUp.defaultWindowSeconds,
                clusterVolumeLiters: Double = Argon39PileUp.defaultClusterVolumeLiters,
                densityKilogramsPerLiter: Double = Argon39PileUp.liquidArgonDensity) {
        self.specificActivity = specificActivity
        self.depletionFactor = depletionFactor
        self.windowSeconds = windowSeconds
        self.clusterVolumeLiters = clusterVolumeLiters
        self.densityKilogramsPerLiter = densityKilogramsPerLiter
    }

    /// Checks every parameter; throws `PhysicsInputError.invalidParameter` naming it.
    public func validate() throws {
        for (name, v, ok, req) in [
            ("Ar39 specific activity (Bq/kg)", specificActivity, specificActivity >= 0, "must be finite and ≥ 0"),
            ("Ar39 depletion factor", depletionFactor, depletionFactor >= 1, "must be ≥ 1"),
            ("Ar39 pile-up window (s)", windowSeconds, windowSeconds > 0 && windowSeconds <= 10, "must lie in (0, 10] s"),
            ("Ar39 cluster volume (L)", clusterVolumeLiters, clusterVolumeLiters > 0 && clusterVolumeLiters <= 1e6, "must lie in (0, 1e6] L"),
            ("LAr density (kg/L)", densityKilogramsPerLiter, densityKilogramsPerLiter > 0, "must be > 0"),
        ] where !(v.isFinite && ok) {
            throw PhysicsInputError.invalidParameter(name: name, value: v, requirement: req)
        }
    }

    /// μ = (A/D) ρ V τ: the mean number of decays in one cluster cell.
    public var meanDecaysPerCell: Double {
        specificActivity / depletionFactor * densityKilogramsPerLiter * clusterVolumeLiters * windowSeconds
    }

    /// N_cells = (M / ρV)(t / τ) for argon mass `m` (kg) and live time `t` (s).
    public func cells(argonMassKilograms m: Double, liveTimeSeconds t: Double) -> Double {
        m / (densityKilogramsPerLiter * clusterVolumeLiters) * t / windowSeconds
    }

    /// All ³⁹Ar decays, (A/D) M t.
    public func decays(argonMassKilograms m: Double, liveTimeSeconds t: Double) -> Double {
        specificActivity / depletionFactor * m * t
    }

    /// N_n = N_cells e^{−μ} μⁿ/n!: expected clusters of exactly `n` ≥ 1 decays (log-space Poisson).
    public func clusters(multiplicity n: Int, argonMassKilograms m: Double, liveTimeSeconds t: Double) -> Double {
        guard n >= 1 else { return 0 }
        let mu = meanDecaysPerCell
        guard mu > 0 else { return 0 }
        return cells(argonMassKilograms: m, liveTimeSeconds: t) * exp(-mu + Double(n) * log(mu) - lgamma(Double(n) + 1))
    }
}
