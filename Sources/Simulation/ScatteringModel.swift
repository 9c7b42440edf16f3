import Physics

/// A point in model space — SM plus a magnetic moment κ = μν/μ_B and/or a light vector Z′
/// (coupling product g_ν g_e, mass M) — with dσ/dT evaluated by a concrete, allocation-free
/// function for the event loop. The formulas are those of `StandardModelCrossSection`,
/// `MagneticMomentCrossSection` and `LightVectorCrossSection` (docs/physics.md §1.3, §2.1, §3.1), rewritten as
///
///     dσ/dT(E, T) = C₀(T) + C₁(T)/E + C₂(T)/E²   for E ≥ E_min(T), else 0   (cm²/MeV)
///
/// (`RecoilCoefficients`), which lets flux averages be done with three moments of the spectrum.
///
/// With `radiativeCorrections` (docs/physics.md §9) the couplings in those coefficients are the
/// one-loop electroweak ones at T (still a polynomial in 1/E at fixed T) and the SM gains the QED
/// increment, which is not (`qedIncrement`); `sin2ThetaW` is then sin²θ̂_W(M_Z). The fast
/// `treeDifferentialInRange` is the model without corrections; the event generator adds the
/// difference from a table (`RadiativeCorrectionTable`).
public struct ScatteringModel: Sendable, Equatable {
    public let flavor: NeutrinoFlavor
    public let sin2ThetaW: Double
    /// Whether the SM (and the SM couplings of the Z′ interference) carry the BKS one-loop corrections.
    public let radiativeCorrections: Bool
    /// κ² = (μν/μ_B)², the magnetic-moment rate parameter. Negative values are an unphysical
    /// excursion allowed for toy studies around κ² = 0 (weighted events only where the density < 0).
    public let kappaSquared: Double
    /// κ = √κ² (NaN for negative κ²).
    public var kappa: Double { kappaSquared.squareRoot() }
    /// g_ν g_e (dimensionless); g² for a universal coupling g.
    public let couplingProduct: Double
    /// Z′ mass M, MeV.
    public let mediatorMassMeV: Double
    public let interference: LightVectorCrossSection.Interference

    @usableFromInline let couplings: ElectroweakCouplings
    /// K·(a, b, c·m_e), K = G_F² m_e/2π (cm²/MeV): SM bracket a + b(1 − T/E)² − c m_e T/E².
    @usableFromInline let smA: Double, smB: Double, smCm: Double
    /// (πα²/m_e²) κ², cm².
    @usableFromInline let mmScale: Double
    /// K·g_ν g_e·(2a', 2b', 2 g_V m_e) for the interference bracket (zero without interference).
    @usableFromInline let lvLinA: Double, lvLinB: Double, lvLinCm: Double
    /// K (g_ν g_e)².
    @usableFromInline let lvQuad: Double
    /// 1/(√2 G_F), MeV², and M², MeV².
    @usableFromInline let shiftScale: Double, massSquared: Double

    public init(flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                kappa: Double = 0, couplingProduct: Double = 0, mediatorMassMeV: Double = 0,
                interference: LightVectorCrossSection.Interference = .exact, radiativeCorrections: Bool = false) {
        self.init(flavor: flavor, sin2ThetaW: sin2ThetaW, kappaSquared: kappa * kappa, couplingProduct: couplingProduct,
                  mediatorMassMeV: mediatorMassMeV, interference: interference, radiativeCorrections: radiativeCorrections)
    }

    /// A model with the magnetic-moment term given by κ² (may be negative: see `kappaSquared`).
    public init(flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                kappaSquared: Double, couplingProduct: Double = 0, mediatorMassMeV: Double = 0,
                interference: LightVectorCrossSection.Interference = .exact, radiativeCorrections: Bool = false) {
        self.flavor = flavor
        self.sin2ThetaW = sin2ThetaW
        self.radiativeCorrections = radiativeCorrections
        self.kappaSquared = kappaSquared
        self.couplingProduct = couplingProduct
        self.mediatorMassMeV = mediatorMassMeV
        self.interference = interference
        let c = ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW)
        couplings = c
        let k = StandardModelCrossSection.prefactor, me = PhysicalConstants.electronMass
        let gv = c.vector, ga = c.axial, anti = flavor.isAntineutrino
        let first = anti ? gv - ga : gv + ga, second = anti ? gv + ga : gv - ga
        smA = k * first * first
        smB = k * second * second
        smCm = k * (gv * gv - ga * ga) * me
        mmScale = PhysicalConstants.magneticMomentScale * kappaSquared
        let x = interference == .exact ? couplingProduct : 0
        lvLinA = 2 * k * x * first
        lvLinB = 2 * k * x * second
        lvLinCm = 2 * k * x * gv * me
        lvQuad = k * couplingProduct * couplingProduct
        shiftScale = 1 / (2.0.squareRoot() * PhysicalConstants.fermiCoupling)
        massSquared = mediatorMassMeV * mediatorMassMeV
    }

    /// The same model with a universal Z′ coupling g (g_ν = g_e = g, so g_ν g_e = g²).
    public static func universal(g: Double, mediatorMassMeV: Double = 0, kappa: Double = 0,
                                 flavor: NeutrinoFlavor = .electronAntineutrino,
                                 sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                                 interference: LightVectorCrossSection.Interference = .exact,
                                 radiativeCorrections: Bool = false) -> ScatteringModel {
        ScatteringModel(flavor: flavor, sin2ThetaW: sin2ThetaW, kappa: kappa, couplingProduct: g * g,
                        mediatorMassMeV: mediatorMassMeV, interference: interference, radiativeCorrections: radiativeCorrections)
    }

    /// The SM couplings at recoil `t` MeV: tree level, or the one-loop electroweak ones.
    @inlinable
    public func couplings(recoilMeV t: Double) -> ElectroweakCouplings {
        couplings.atRecoil(t, radiativeCorrections: radiativeCorrections)
    }

    /// The coefficients of the full model at recoil `t` MeV (without the QED increment).
    @inlinable
    public func coefficients(recoilMeV t: Double) -> RecoilCoefficients {
        let terms = RecoilCoefficients.Terms(couplings: couplings(recoilMeV: t), mediatorMassMeV: mediatorMassMeV, recoilMeV: t)
        var c = terms.standardModel
        if kappaSquared != 0 { c.add(terms.magneticMomentPerKappaSquared, times: kappaSquared) }
        if couplingProduct != 0 {
            if interference == .exact { c.add(terms.lightVectorLinear, times: couplingProduct) }
            c.add(terms.lightVectorQuadratic, times: couplingProduct * couplingProduct)
        }
        return c
    }

    /// dσ/dT(E, T), cm²/MeV; 0 outside 0 < T ≤ T_max(E) (and at T_max with corrections, where the
    /// soft-photon logarithm diverges). Can be negative for g_ν g_e < 0.
    @inlinable
    public func differential(neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: e)
        guard t > 0, t <= tMax else { return 0 }
        guard radiativeCorrections else { return treeDifferentialInRange(neutrinoEnergyMeV: e, recoilMeV: t) }
        guard t < tMax else { return 0 }
        return coefficients(recoilMeV: t).evaluate(neutrinoEnergyMeV: e) + qedIncrement(neutrinoEnergyMeV: e, recoilMeV: t)
    }

    /// The QED part of the corrected SM dσ/dT (`StandardModelCrossSection.qedIncrement`), cm²/MeV;
    /// 0 without radiative corrections. For 0 < T < T_max(E).
    @inlinable
    public func qedIncrement(neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        guard radiativeCorrections else { return 0 }
        return StandardModelCrossSection.qedIncrement(couplings: couplings(recoilMeV: t), neutrinoEnergyMeV: e, recoilMeV: t)
    }

    /// The tree-level dσ/dT of this model (radiative corrections ignored) for a point known to
    /// satisfy 0 < T ≤ T_max(E) (the event loop's case), cm²/MeV:
    /// K[a + b y² − c m_e T/E²] + S κ²(1/T − 1/E) + Kδ[2a' + 2b' y² − 2g_V m_e T/E²] + Kδ²[1 + y² − m_e T/E²],
    /// y = 1 − T/E, δ = g_ν g_e/(√2 G_F (2 m_e T + M²)) (docs/physics.md §1.5, §2.1, §3.2).
    @inlinable
    public func treeDifferentialInRange(neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        let inv = 1 / e
        let y = 1 - t * inv, y2 = y * y
        let r = t * inv * inv
        var v = smA + smB * y2 - smCm * r
        if mmScale != 0 { v += mmScale * (1 / t - inv) }
        if lvQuad != 0 {
            let d = shiftScale / (2 * PhysicalConstants.electronMass * t + massSquared)
            v += d * (lvLinA + lvLinB * y2 - lvLinCm * r) + d * d * lvQuad * (1 + y2 - PhysicalConstants.electronMass * r)
        }
        return v
    }

    /// The same model built from the Physics cross-section types (for cross-checks; slower; κ² ≥ 0 only).
    public var crossSection: any CrossSection {
        var terms: [any CrossSection] = [StandardModelCrossSection(flavor: flavor, sin2ThetaW: sin2ThetaW,
                                                                   radiativeCorrections: radiativeCorrections)]
        if kappaSquared > 0 { terms.append(MagneticMomentCrossSection(kappa: kappa)) }
        if couplingProduct != 0 {
            terms.append(LightVectorCrossSection(couplingProduct: couplingProduct, mediatorMass: mediatorMassMeV,
                                                 flavor: flavor, sin2ThetaW: sin2ThetaW, interference: interference,
                                                 radiativeCorrections: radiativeCorrections))
        }
        return CrossSectionSum(terms)
    }

    /// Whether the model contains new physics.
    public var isStandardModel: Bool { kappaSquared == 0 && couplingProduct == 0 }
}
