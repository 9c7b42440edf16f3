extension RunCard {
    /// A new-physics model to test.
    public struct Model: Codable, Equatable, Sendable {
        public var model: Kind
        /// Light vector only: mediator masses M, MeV (default [0]).
        public var mediatorMassesMeV: [Double]?
        /// Light vector only: `exact` (SM–Z′ interference, default) or `none` (pure Z′ term).
        public var interference: Interference?

        enum CodingKeys: String, CodingKey {
            case model
            case mediatorMassesMeV = "mediator_masses_mev"
            case interference
        }

        public init(model: Kind, mediatorMassesMeV: [Double]? = nil, interference: Interference? = nil) {
            self.model = model
            if model == .lightVector {
                self.mediatorMassesMeV = mediatorMassesMeV ?? [0]
                self.interference = interference ?? .exact
            } else {
                self.mediatorMassesMeV = nil
                self.interference = nil
            }
        }

        /// The model's fit parameter as named in outputs: "mu_nu" (κ = μν/μ_B) or "g".
        public var parameter: String { model == .magneticMoment ? "mu_nu" : "g" }
    }

    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// Neutrino magnetic moment κ = μν/μ_B (rate linear in κ²).
        case magneticMoment = "magnetic-moment"
        /// Light vector Z′ with universal coupling g and mass M (rate SM + A g² + B g⁴).
        case lightVector = "light-vector"
    }

    public enum Interference: String, Codable, CaseIterable, Sendable {
        /// Exact tree-level SM–Z′ interference (docs/physics.md §3.1, §3.5).
        case exact
        /// Pure Z′ term only (the no-interference approximation of earlier estimates).
        case none
    }
}
