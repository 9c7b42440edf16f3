/// Expected event counts per bin of reconstructed kinetic energy, per model term, already
/// normalized per the scenario — the fitter's templates:
///
///     n(κ²) = SM + κ²·MM,    n(g) = SM + g²·A + g⁴·B   (universal coupling, g_ν g_e = g²)
///
/// The last bin also collects everything above its upper edge (overflow).
public struct TemplateSet: Sendable, Codable, Equatable {
    public let binning: Binning
    /// Expected SM events per bin.
    public let standardModel: [Double]
    /// Expected magnetic-moment events per bin per unit κ² (κ = μν/μ_B).
    public let magneticMomentPerKappaSquared: [Double]
    /// Expected light-vector interference events per bin per unit g² (= g_ν g_e); all zero for the
    /// no-interference variant.
    public let lightVectorLinearPerGSquared: [Double]
    /// Expected pure-Z′ events per bin per unit g⁴ (= (g_ν g_e)²).
    public let lightVectorQuadraticPerGFourth: [Double]
    /// Z′ mass used for the light-vector templates, MeV.
    public let mediatorMassMeV: Double
    /// Expected events with reconstructed T above threshold, per term (same units as the bins).
    public let aboveThreshold: TermValues
    /// Expected interactions with true T ≥ `lowestTrueRecoilMeV`, before the detector response
    /// and efficiency: the mean number of events the generator throws for a toy.
    public let generated: TermValues
    /// The least true T generated or integrated, MeV.
    public let lowestTrueRecoilMeV: Double
    /// Events per cm² of flux-averaged cross section (emitted ν̄e × electrons × ⟨1/4πL²⟩, or the
    /// factor that sets the SM count above threshold), cm⁻².
    public let eventsPerSquareCentimeter: Double

    public init(binning: Binning, standardModel: [Double], magneticMomentPerKappaSquared: [Double],
                lightVectorLinearPerGSquared: [Double], lightVectorQuadraticPerGFourth: [Double],
                mediatorMassMeV: Double, aboveThreshold: TermValues, generated: TermValues,
                lowestTrueRecoilMeV: Double, eventsPerSquareCentimeter: Double) {
        self.binning = binning
        self.standardModel = standardModel
        self.magneticMomentPerKappaSquared = magneticMomentPerKappaSquared
        self.lightVectorLinearPerGSquared = lightVectorLinearPerGSquared
        self.lightVectorQuadraticPerGFourth = lightVectorQuadraticPerGFourth
        self.mediatorMassMeV = mediatorMassMeV
        self.aboveThreshold = aboveThreshold
        self.generated = generated
        self.lowestTrueRecoilMeV = lowestTrueRecoilMeV
        self.eventsPerSquareCentimeter = eventsPerSquareCentimeter
    }

    /// Expected counts per bin for a model point (SM + κ² MM + g_ν g_e A + (g_ν g_e)² B).
    public func expected(for model: ScatteringModel) -> [Double] {
        let k2 = model.kappaSquared, x = model.couplingProduct
        let lin = model.interference == .exact ? x : 0
        return binning.edges.indices.dropLast().map { j in
            standardModel[j] + k2 * magneticMomentPerKappaSquared[j]
                + lin * lightVectorLinearPerGSquared[j] + x * x * lightVectorQuadraticPerGFourth[j]
        }
    }
}
