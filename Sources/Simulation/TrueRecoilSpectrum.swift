import GSL
import Physics

/// Flux-averaged recoil spectra per model term, dσ̄/dT(T) = ∫ dE φ(E) dσ/dT(E, T) (cm²/MeV per
/// electron per emitted neutrino, φ normalized to 1), from three tail moments of the spectrum:
///
///     M_n(x) = ∫ₓ^{E_end} φ(E) E⁻ⁿ dE,   dσ̄/dT = C₀ M₀(E_min(T)) + C₁ M₁ + C₂ M₂
///
/// (`RecoilCoefficients`). M_n at the spectrum knots are cumulated once with GSL QAG (61-point
/// Gauss–Kronrod per knot interval, relative tolerance 1e-11); a value between knots adds one
/// more QAG integral. Not thread-safe (it owns a GSL workspace): one per task.
public final class TrueRecoilSpectrum {
    public let spectrum: NeutrinoSpectrum
    public let couplings: ElectroweakCouplings
    public let mediatorMassMeV: Double
    private let integrator = Integrator(limit: 100)
    private let knots: [Double]
    /// tails[n][i] = M_n(knots[i]).
    private var tails: [[Double]]

    public init(spectrum: NeutrinoSpectrum, flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW, mediatorMassMeV: Double = 0) throws {
        self.spectrum = spectrum
        couplings = ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW)
        self.mediatorMassMeV = mediatorMassMeV
        knots = spectrum.energies
        let count = knots.count
        tails = Array(repeating: Array(repeating: 0, count: count), count: 3)
        // Start the 1/E² moments a little above E = 0 (only E ≥ E_min(T) > 0 is ever used).
        let floor = 1e-4
        for i in stride(from: count - 2, through: 0, by: -1) {
            let a = max(knots[i], floor), b = knots[i + 1]
            for n in 0..<3 {
                var piece = 0.0
                if b > a { piece = try moment(n, from: a, to: b) }
                tails[n][i] = tails[n][i + 1] + piece
            }
        }
    }

    private func moment(_ n: Int, from a: Double, to b: Double) throws -> Double {
        let spectrum = self.spectrum
        let f: (Double) -> Double
        switch n {
        case 0: f = { spectrum.density(at: $0) }
        case 1: f = { spectrum.density(at: $0) / $0 }
        default: f = { spectrum.density(at: $0) / ($0 * $0) }
        }
        return try integrator.qag(f, from: a, to: b, absoluteTolerance: 1e-16, relativeTolerance: 1e-11).value
    }

    /// (M₀, M₁, M₂) at `x` MeV: per MeV⁰, MeV⁻¹, MeV⁻².
    public func tailMoments(from x: Double) throws -> (Double, Double, Double) {
        guard x < knots[knots.count - 1] else { return (0, 0, 0) }
        guard x > knots[0] else { return (tails[0][0], tails[1][0], tails[2][0]) }
        var lo = 0, hi = knots.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if x >= knots[mid] { lo = mid } else { hi = mid }
        }
        let b = knots[lo + 1]
        return (tails[0][lo + 1] + (try moment(0, from: x, to: b)),
                tails[1][lo + 1] + (try moment(1, from: x, to: b)),
                tails[2][lo + 1] + (try moment(2, from: x, to: b)))
    }

    /// The flux-averaged dσ̄/dT of each term at recoil `t` MeV (t > 0), cm²/MeV.
    public func terms(recoilMeV t: Double) throws -> TermValues {
        let (m0, m1, m2) = try tailMoments(from: Kinematics.minNeutrinoEnergy(recoil: t))
        let c = RecoilCoefficients.Terms(couplings: couplings, mediatorMassMeV: mediatorMassMeV, recoilMeV: t)
        func fold(_ r: RecoilCoefficients) -> Double { r.c0 * m0 + r.c1 * m1 + r.c2 * m2 }
        return TermValues(standardModel: fold(c.standardModel),
                          magneticMomentPerKappaSquared: fold(c.magneticMomentPerKappaSquared),
                          lightVectorLinearPerGSquared: fold(c.lightVectorLinear),
                          lightVectorQuadraticPerGFourth: fold(c.lightVectorQuadratic))
    }
}
