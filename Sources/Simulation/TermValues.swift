/// One number per model term: SM, per unit κ² (magnetic moment), per unit g_ν g_e = g²
/// (light-vector interference) and per unit (g_ν g_e)² = g⁴ (pure Z′). The unit is the caller's
/// (events, cm², cm²/MeV).
public struct TermValues: Sendable, Codable, Equatable {
    public var standardModel: Double
    public var magneticMomentPerKappaSquared: Double
    public var lightVectorLinearPerGSquared: Double
    public var lightVectorQuadraticPerGFourth: Double

    public init(standardModel: Double = 0, magneticMomentPerKappaSquared: Double = 0,
                lightVectorLinearPerGSquared: Double = 0, lightVectorQuadraticPerGFourth: Double = 0) {
        self.standardModel = standardModel
        self.magneticMomentPerKappaSquared = magneticMomentPerKappaSquared
        self.lightVectorLinearPerGSquared = lightVectorLinearPerGSquared
        self.lightVectorQuadraticPerGFourth = lightVectorQuadraticPerGFourth
    }

    mutating func add(_ other: TermValues, times factor: Double) {
        standardModel += factor * other.standardModel
        magneticMomentPerKappaSquared += factor * other.magneticMomentPerKappaSquared
        lightVectorLinearPerGSquared += factor * other.lightVectorLinearPerGSquared
        lightVectorQuadraticPerGFourth += factor * other.lightVectorQuadraticPerGFourth
    }

    func scaled(by factor: Double) -> TermValues {
        var v = TermValues()
        v.add(self, times: factor)
        return v
    }

    /// The value for a model: SM + κ²·MM + (g_ν g_e)·linear + (g_ν g_e)²·quadratic
    /// (the linear term dropped for the no-interference variant).
    public func combined(for model: ScatteringModel) -> Double {
        var v = standardModel + model.kappaSquared * magneticMomentPerKappaSquared
        let x = model.couplingProduct
        if model.interference == .exact { v += x * lightVectorLinearPerGSquared }
        return v + x * x * lightVectorQuadraticPerGFourth
    }
}
