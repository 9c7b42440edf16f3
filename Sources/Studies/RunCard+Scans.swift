import Foundation

extension RunCard {
    /// Parameter scans; each list is optional and used by the matching analysis.
    public struct Scans: Codable, Equatable, Sendable {
        /// Analysis thresholds, MeV (threshold-scan).
        public var thresholdsMeV: [Double]?
        /// Fractional normalization uncertainties (norm-scan).
        public var normSigmas: [Double]?
        /// Mediator masses, log grid in MeV (gm-exclusion).
        public var mediatorMassMeV: LogGrid?
        /// sin²θ_W values (sin2w-precision: true values to evaluate).
        public var sin2ThetaW: [Double]?

        enum CodingKeys: String, CodingKey {
            case thresholdsMeV = "thresholds_mev"
            case normSigmas = "norm_sigmas"
            case mediatorMassMeV = "mediator_mass_mev"
            case sin2ThetaW = "sin2_theta_w"
        }

        public init(thresholdsMeV: [Double]? = nil, normSigmas: [Double]? = nil,
                    mediatorMassMeV: LogGrid? = nil, sin2ThetaW: [Double]? = nil) {
            self.thresholdsMeV = thresholdsMeV
            self.normSigmas = normSigmas
            self.mediatorMassMeV = mediatorMassMeV
            self.sin2ThetaW = sin2ThetaW
        }
    }

    /// `points` values from `from` to `to` (both included), equally spaced in log: 0 < from < to.
    public struct LogGrid: Codable, Equatable, Sendable {
        public var from: Double
        public var to: Double
        public var points: Int

        public init(from: Double, to: Double, points: Int) {
            self.from = from
            self.to = to
            self.points = points
        }

        /// The grid values; the ends are exactly `from` and `to`.
        public var values: [Double] {
            guard points > 1 else { return [from] }
            return (0..<points).map { i in
                if i == 0 { return from }
                if i == points - 1 { return to }
                return from * pow(to / from, Double(i) / Double(points - 1))
            }
        }
    }
}
