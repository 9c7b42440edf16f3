import Physics

/// A point in model space — SM plus a magnetic moment κ = μν/μ_B and/or a light vector Z′
/// (coupling product g_ν g_e, mass M) — with dσ/dT evaluated by a concrete, allocation-free
/// function for the event loop. The formulas are those of `StandardModelCrossSection`,
/// `MagneticMomentCrossSection` and `LightVectorCrossSection` (physics.md §1–3), rewritten as
///
///     dσ/dT(E, T) = C₀(T) + C₁(T)/E + C₂(T)/E²   for E ≥ E_min(T), else 0   (cm²/MeV)
///
/// (`RecoilCoefficients`), which lets flux averages be done with three moments of the spectrum.
public struct ScatteringModel: Sendable, Equatable {
    public let flavor: NeutrinoFlavor
    public let sin2ThetaW: Double
    /// κ = μν/μ_B (dimensionless).
    public let kappa: Double
    /// g_ν g_e (dimensionless); g² for a universal coupling g.
    public let couplingProduct: Double
    /// Z′ mass M, MeV.
    public let mediatorMassMeV: Double
    public let interference: LightVectorCrossSection.Interference

    @usableFromInline let couplings: ElectroweakCouplings

    public init(flavor: NeutrinoFlavor = .electronAntineutrino,
                sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                kappa: Double = 0, couplingProduct: Double = 0, mediatorMassMeV: Double = 0,
                interference: LightVectorCrossSection.Interference = .exact) {
        self.flavor = flavor
        self.sin2ThetaW = sin2ThetaW
        self.kappa = kappa
        self.couplingProduct = couplingProduct
        self.mediatorMassMeV = mediatorMassMeV
        self.interference = interference
        couplings = ElectroweakCouplings(flavor: flavor, sin2ThetaW: sin2ThetaW)
    }

    /// The same model with a universal Z′ coupling g (g_ν = g_e = g, so g_ν g_e = g²).
    public static func universal(g: Double, mediatorMassMeV: Double = 0, kappa: Double = 0,
                                 flavor: NeutrinoFlavor = .electronAntineutrino,
                                 sin2ThetaW: Double = ElectroweakCouplings.defaultSin2ThetaW,
                                 interference: LightVectorCrossSection.Interference = .exact) -> ScatteringModel {
        ScatteringModel(flavor: flavor, sin2ThetaW: sin2ThetaW, kappa: kappa, couplingProduct: g * g,
                        mediatorMassMeV: mediatorMassMeV, interference: interference)
    }

    /// The coefficients of the full model at recoil `t` MeV.
    @inlinable
    public func coefficients(recoilMeV t: Double) -> RecoilCoefficients {
        let terms = RecoilCoefficients.Terms(couplings: couplings, mediatorMassMeV: mediatorMassMeV, recoilMeV: t)
        var c = terms.standardModel
        if kappa != 0 { c.add(terms.magneticMomentPerKappaSquared, times: kappa * kappa) }
        if couplingProduct != 0 {
            if interference == .exact { c.add(terms.lightVectorLinear, times: couplingProduct) }
            c.add(terms.lightVectorQuadratic, times: couplingProduct * couplingProduct)
        }
        return c
    }

    /// dσ/dT(E, T), cm²/MeV; 0 outside 0 < T ≤ T_max(E). Can be negative for g_ν g_e < 0.
    @inlinable
    public func differential(neutrinoEnergyMeV e: Double, recoilMeV t: Double) -> Double {
        guard t > 0, t <= Kinematics.maxRecoil(neutrinoEnergy: e) else { return 0 }
        return coefficients(recoilMeV: t).evaluate(neutrinoEnergyMeV: e)
    }

    /// The same model built from the Physics cross-section types (for cross-checks; slower).
    public var crossSection: any CrossSection {
        var terms: [any CrossSection] = [StandardModelCrossSection(flavor: flavor, sin2ThetaW: sin2ThetaW)]
        if kappa != 0 { terms.append(MagneticMomentCrossSection(kappa: kappa)) }
        if couplingProduct != 0 {
            terms.append(LightVectorCrossSection(couplingProduct: couplingProduct, mediatorMass: mediatorMassMeV,
                                                 flavor: flavor, sin2ThetaW: sin2ThetaW, interference: interference))
        }
        return CrossSectionSum(terms)
    }

    /// Whether the model contains new physics.
    public var isStandardModel: Bool { kappa == 0 && couplingProduct == 0 }
}
