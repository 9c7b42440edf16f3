import Foundation

/// The energy resolution of a detector for electron kinetic energy T (MeV):
///
///     σ_T / T = a/√T ⊕ b ⊕ c/T,   i.e.  σ_T = √(a² T + b² T² + c²)  MeV
///
/// a: stochastic term (photostatistics, fraction·√MeV, e.g. 0.064 for "6.4 %/√E"), b: constant
/// term (fraction), c: noise term (MeV). The usual calorimeter parametrization
/// (PDG Review "Particle detectors at accelerators", §34.9); valid for T ≳ 0.1 MeV.
/// All zero means perfect resolution (no smearing).
public struct EnergyResolution: Sendable, Codable, Equatable {
    /// Stochastic term a, √MeV (0.064 ↔ 6.4 %/√E).
    public var stochastic: Double
    /// Constant term b (fraction).
    public var constant: Double
    /// Noise term c, MeV.
    public var noiseMeV: Double

    public init(stochastic: Double, constant: Double = 0, noiseMeV: Double = 0) {
        self.stochastic = stochastic
        self.constant = constant
        self.noiseMeV = noiseMeV
    }

    public static let perfect = EnergyResolution(stochastic: 0)

    public var isPerfect: Bool { stochastic == 0 && constant == 0 && noiseMeV == 0 }

    /// σ_T in MeV at true kinetic energy `t` MeV (t ≥ 0).
    @inlinable
    public func sigmaMeV(at t: Double) -> Double {
        (stochastic * stochastic * t + constant * constant * t * t + noiseMeV * noiseMeV).squareRoot()
    }

    func validate(_ detector: String) throws(SimulationError) {
        try SimulationError.require(stochastic, "\(detector) resolution stochastic term", "must be ≥ 0") { $0 >= 0 }
        try SimulationError.require(constant, "\(detector) resolution constant term", "must be ≥ 0") { $0 >= 0 }
        try SimulationError.require(noiseMeV, "\(detector) resolution noise term (MeV)", "must be ≥ 0") { $0 >= 0 }
    }
}
