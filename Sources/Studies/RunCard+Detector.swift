import Simulation

extension RunCard {
    /// A custom detector, or a preset with some values overridden. Scenarios name it by `name`.
    /// Without `preset`, `target_electrons`, `resolution` and `source_distance_m` are required.
    public struct Detector: Codable, Equatable, Sendable {
        /// Name scenarios use; must not be a preset name.
        public var name: String
        /// Preset this detector starts from (its values are overridden by the fields given).
        public var preset: String?
        /// Number of target electrons in the fiducial volume.
        public var targetElectrons: Double?
        /// Energy resolution σ_E/E = a/√(E/MeV) ⊕ b ⊕ c/(E/MeV) (added in quadrature).
        public var resolution: Resolution?
        /// Hardware threshold on the visible recoil energy, MeV.
        public var thresholdMeV: Double?
        /// Detection efficiency above threshold, in (0, 1].
        public var efficiency: Double?
        /// Direction resolution (Gaussian σ of the recoil direction), degrees.
        public var directionResolutionDeg: Double?
        /// Distance from the source to the detector centre, m.
        public var sourceDistanceM: Double?
        /// Fiducial radius, m.
        public var radiusM: Double?

        enum CodingKeys: String, CodingKey {
            case name, preset
            case targetElectrons = "target_electrons"
            case resolution
            case thresholdMeV = "threshold_mev"
            case efficiency
            case directionResolutionDeg = "direction_resolution_deg"
            case sourceDistanceM = "source_distance_m"
            case radiusM = "radius_m"
        }

        public init(name: String, preset: String? = nil, targetElectrons: Double? = nil, resolution: Resolution? = nil,
                    thresholdMeV: Double? = nil, efficiency: Double? = nil, directionResolutionDeg: Double? = nil,
                    sourceDistanceM: Double? = nil, radiusM: Double? = nil) {
            self.name = name
            self.preset = preset
            self.targetElectrons = targetElectrons
            self.resolution = resolution
            self.thresholdMeV = thresholdMeV
            self.efficiency = efficiency
            self.directionResolutionDeg = directionResolutionDeg
            self.sourceDistanceM = sourceDistanceM
            self.radiusM = radiusM
        }

        /// Detector presets the Simulation module provides (`Simulation.Detector.preset(named:)`).
        public static var presetNames: [String] { Simulation.Detector.presetNames }
    }

    /// Energy resolution σ_E/E = a/√(E/MeV) ⊕ b ⊕ c/(E/MeV), each term dimensionless, ≥ 0.
    public struct Resolution: Codable, Equatable, Sendable {
        /// Stochastic term (e.g. 0.064 for 6.4 %/√E).
        public var a: Double
        /// Constant term.
        public var b: Double
        /// Noise term, MeV (divided by E).
        public var c: Double

        public init(a: Double, b: Double = 0, c: Double = 0) {
            self.a = a
            self.b = b
            self.c = c
        }
    }
}
