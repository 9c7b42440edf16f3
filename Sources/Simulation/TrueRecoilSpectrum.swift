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
///
/// With radiative corrections (docs/physics.md §9.5) the coefficients use the one-loop couplings
/// at T, and the SM term gains the flux-averaged QED increment
/// q(T) = ∫_{E_min(T)}^{E_end} φ(E) Δσ_QED(E, T) dE, which is not a polynomial in 1/E: it is
/// computed at recoil nodes ≤ 0.25 MeV apart from the lowest recoil the caller needs to
/// T_max(E_end) (`tabulateQED`) and interpolated by a cubic spline (q → 0 at T_max(E_end)).
public final class TrueRecoilSpectrum {
    public let spectrum: NeutrinoSpectrum
    /// The tree-level couplings.
    public let couplings: ElectroweakCouplings
    public let mediatorMassMeV: Double
    public let radiativeCorrections: Bool
    private let integrator = Integrator(limit: 100)
    private let knots: [Double]
    /// tails[n][i] = M_n(knots[i]).
    private var tails: [[Double]]
    /// q(T), the flux-averaged QED increment of the SM, cm²/MeV (nil without corrections).
    private var qed: Spline?
    private var qedRangeMeV: ClosedRange<Double> = 0...0

    public init(spectrum: NeutrinoSpectrum, flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW, mediatorMassMeV: Double = 0,
                radiativeCorrections: Bool = false, lowestRecoilMeV: Double = 0) throws {
        self.spectrum = spectrum
        couplings = ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW)
        self.mediatorMassMeV = mediatorMassMeV
        self.radiativeCorrections = radiativeCorrections
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
        if radiativeCorrections { try tabulateQED(flavor: flavor, sin2ThetaW: sin2ThetaW, lowestRecoilMeV: max(0, lowestRecoilMeV)) }
    }

    /// Largest spacing of the q(T) nodes, MeV, and the Gauss–Legendre panels (8 points each) of
    /// its E integral.
    private static let qedNodeSpacingMeV = 0.25
    private static let qedPanels = 8

    /// q(T) at nodes no more than 0.25 MeV apart from `lowestRecoilMeV` to T_max(E_end). The E
    /// integral over [E_min(T), E_end] is taken in x with E = E_min + (E_end − E_min) x², which
    /// turns the soft-photon logarithm ln(E − E_min) into the integrable-and-smooth x ln x, by
    /// Gauss–Legendre (8 panels × 8 points). The detected cross section built on it agrees with
    /// nested adaptive quadrature of the exact corrected dσ/dT to 10⁻⁶ (`RadiativeCorrectionSimulationTests`).
    private func tabulateQED(flavor: NeutrinoFlavor, sin2ThetaW: Double, lowestRecoilMeV tLow: Double) throws {
        let endpoint = spectrum.endpoint
        let tEnd = Kinematics.maxRecoil(neutrinoEnergy: endpoint)
        let nodes = max(9, Int(((tEnd - tLow) / Self.qedNodeSpacingMeV).rounded(.up)) + 1)
        let ts = (0..<nodes).map { tLow + (tEnd - tLow) * Double($0) / Double(nodes - 1) }
        var qs = [Double](repeating: 0, count: ts.count)
        let rule = GaussLegendre(points: 8)
        for k in 0..<(ts.count - 1) where ts[k] > 0 {
            let t = ts[k]
            let c = ElectroweakCouplings.radiativelyCorrected(flavor: flavor, sin2ThetaW: sin2ThetaW, recoilMeV: t)
            let eMin = Kinematics.minNeutrinoEnergy(recoil: t)
            guard eMin < endpoint else { continue }
            let span = endpoint - eMin
            var sum = 0.0
            for p in 0..<Self.qedPanels {
                let a = Double(p) / Double(Self.qedPanels)
                rule.forEachNode(from: a, to: a + 1 / Double(Self.qedPanels)) { x, w in
                    let e = eMin + span * x * x
                    // E_min(T) rounded may put T a hair above T_max(E): no phase space there.
                    guard Kinematics.maxRecoil(neutrinoEnergy: e) > t else { return }
                    sum += w * 2 * x * span * spectrum.density(at: e)
                        * StandardModelCrossSection.qedIncrement(couplings: c, neutrinoEnergyMeV: e, recoilMeV: t)
                }
            }
            qs[k] = sum
        }
        qed = try Spline(x: ts, y: qs, kind: .cubic)
        qedRangeMeV = tLow...tEnd
    }

    /// q(T), the flux-averaged QED increment of the SM term at recoil `t` MeV, cm²/MeV: 0 without
    /// radiative corrections and above T_max(E_end).
    /// - Throws: `SimulationError` for T below the `lowestRecoilMeV` the table was built from.
    public func qedIncrement(recoilMeV t: Double) throws -> Double {
        guard let qed else { return 0 }
        guard t >= qedRangeMeV.lowerBound else {
            throw SimulationError.invalidParameter(name: "recoil T (MeV) for the tabulated QED correction", value: t,
                                                   requirement: "must be ≥ \(qedRangeMeV.lowerBound), the lowest recoil it was built for")
        }
        return t <= qedRangeMeV.upperBound ? qed(t) : 0
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
        let atT = couplings.atRecoil(t, radiativeCorrections: radiativeCorrections)
        let c = RecoilCoefficients.Terms(couplings: atT, mediatorMassMeV: mediatorMassMeV, recoilMeV: t)
        func fold(_ r: RecoilCoefficients) -> Double { r.c0 * m0 + r.c1 * m1 + r.c2 * m2 }
        return TermValues(standardModel: fold(c.standardModel) + (try qedIncrement(recoilMeV: t)),
                          magneticMomentPerKappaSquared: fold(c.magneticMomentPerKappaSquared),
                          lightVectorLinearPerGSquared: fold(c.lightVectorLinear),
                          lightVectorQuadraticPerGFourth: fold(c.lightVectorQuadratic))
    }
}
