import Physics

/// dσ/dT at fixed recoil T as a polynomial in 1/E: C₀ + C₁/E + C₂/E² (cm²/MeV, E in MeV),
/// valid for E ≥ E_min(T). Expanding (1 − T/E)² = 1 − 2T/E + T²/E² in the formulas of
/// docs/physics.md §1.5, §2.1, §3.2 (K = G_F² m_e/2π; (a, b, c) = ((g_V − g_A)², (g_V + g_A)², g_V² − g_A²) for ν̄,
/// a ↔ b for ν; δ = 1/(√2 G_F (2 m_e T + M²)) per unit g_ν g_e; S = πα²/m_e²):
///
///     SM:                C₀ = K(a + b),        C₁ = −2KbT,     C₂ = K(bT² − c m_e T)
///     per κ²:            C₀ = S/T,             C₁ = −S,        C₂ = 0
///     per g_ν g_e:       C₀ = 2Kδ(a' + b'),    C₁ = −4Kδb'T,   C₂ = 2Kδ(b'T² − g_V m_e T)
///     per (g_ν g_e)²:    C₀ = 2Kδ²,            C₁ = −2Kδ²T,    C₂ = Kδ²(T² − m_e T)
///
/// with a' = g_V − g_A, b' = g_V + g_A for ν̄ (swapped for ν).
public struct RecoilCoefficients: Sendable, Equatable {
    public var c0: Double
    public var c1: Double
    public var c2: Double

    @inlinable
    public init(c0: Double, c1: Double, c2: Double) {
        self.c0 = c0
        self.c1 = c1
        self.c2 = c2
    }

    @inlinable
    public mutating func add(_ other: RecoilCoefficients, times factor: Double) {
        c0 += factor * other.c0
        c1 += factor * other.c1
        c2 += factor * other.c2
    }

    /// C₀ + C₁/E + C₂/E², cm²/MeV (no kinematic check).
    @inlinable
    public func evaluate(neutrinoEnergyMeV e: Double) -> Double {
        let inv = 1 / e
        return c0 + inv * (c1 + inv * c2)
    }

    /// The four model terms at one recoil energy.
    public struct Terms: Sendable {
        public var standardModel: RecoilCoefficients
        public var magneticMomentPerKappaSquared: RecoilCoefficients
        public var lightVectorLinear: RecoilCoefficients
        public var lightVectorQuadratic: RecoilCoefficients

        @inlinable
        public init(couplings: ElectroweakCouplings, mediatorMassMeV m: Double, recoilMeV t: Double) {
            let k = StandardModelCrossSection.prefactor
            let me = PhysicalConstants.electronMass
            let gv = couplings.vector, ga = couplings.axial
            let anti = couplings.flavor.isAntineutrino
            let a = anti ? (gv - ga) * (gv - ga) : (gv + ga) * (gv + ga)
            let b = anti ? (gv + ga) * (gv + ga) : (gv - ga) * (gv - ga)
            let c = gv * gv - ga * ga
            standardModel = RecoilCoefficients(c0: k * (a + b), c1: -2 * k * b * t, c2: k * (b * t * t - c * me * t))
            let s = PhysicalConstants.magneticMomentScale
            magneticMomentPerKappaSquared = RecoilCoefficients(c0: s / t, c1: -s, c2: 0)
            let first = anti ? gv - ga : gv + ga, second = anti ? gv + ga : gv - ga
            let d = 1 / (2.0.squareRoot() * PhysicalConstants.fermiCoupling * (2 * me * t + m * m))
            lightVectorLinear = RecoilCoefficients(c0: 2 * k * d * (first + second), c1: -4 * k * d * second * t,
                                                   c2: 2 * k * d * (second * t * t - gv * me * t))
            let d2 = d * d
            lightVectorQuadratic = RecoilCoefficients(c0: 2 * k * d2, c1: -2 * k * d2 * t, c2: k * d2 * (t * t - me * t))
        }
    }
}
