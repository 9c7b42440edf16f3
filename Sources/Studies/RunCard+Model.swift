import Physics

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

        /// The hypotheses of this entry: the magnetic moment, or one light vector per mass.
        /// - Throws: `PhysicsInputError` for a mass that is not finite and ≥ 0.
        public func hypotheses() throws(PhysicsInputError) -> [NewPhysicsModel] {
            switch model {
            case .magneticMoment: return [.magneticMoment]
            case .lightVector:
                return try (mediatorMassesMeV ?? [0]).map { mass throws(PhysicsInputError) in
                    try NewPhysicsModel.lightVector(mediatorMassMeV: mass, interference: interference ?? .exact)
                }
            }
        }
    }

    /// Every hypothesis of the card's `models`, light-vector entries expanded over their masses.
    public func hypotheses() throws(PhysicsInputError) -> [NewPhysicsModel] {
        var all: [NewPhysicsModel] = []
        for model in models { all += try model.hypotheses() }
        return all
    }

    /// The model kinds of `models` entries.
    public typealias Kind = NewPhysicsModel.Kind
    /// `exact` (SM–Z′ interference, the default) or `none` (pure Z′ term; docs/physics.md §3.1, §3.5).
    public typealias Interference = LightVectorCrossSection.Interference
}
