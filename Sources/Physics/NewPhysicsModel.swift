/// A new-physics hypothesis tested against the Standard Model: which cross section adds to the
/// SM rate, the parameter the fitter varies, and the parameter limits are quoted in
/// (docs/physics.md §2–3).
///
/// - Magnetic moment: dσ/dT = dσ_SM/dT + κ² · (πα²/m_e²)(1/T − 1/E), κ = μν/μ_B. The rate is
///   linear in the fit parameter θ = κ²; limits are quoted as κ (`QuotedParameter.muNu`).
/// - Light vector Z′ of mass M ≥ 0 MeV, universal coupling g: rate = SM + g² A + g⁴ B exactly at
///   tree level (A = 0 in the pure-Z′ approximation); fit parameter θ = g², quoted g.
///
/// The one type for this choice: command-line arguments, run cards, tables and toy files all
/// carry it (or its `kind` and `parameter`), never a model name compared as a string.
public struct NewPhysicsModel: Hashable, Sendable, CustomStringConvertible {
    /// Which cross section adds to the SM.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// Neutrino magnetic moment κ = μν/μ_B.
        case magneticMoment = "magnetic-moment"
        /// Light vector boson Z′ with universal coupling g and mass M.
        case lightVector = "light-vector"

        /// The parameter limits are quoted in: κ = μν/μ_B or g.
        public var parameter: QuotedParameter { self == .magneticMoment ? .muNu : .g }
    }

    public let kind: Kind
    /// Z′ mass M, MeV (0 for the magnetic moment).
    public let mediatorMassMeV: Double
    /// SM–Z′ interference treatment (always `.exact` for the magnetic moment).
    public let interference: LightVectorCrossSection.Interference

    /// - Throws: `PhysicsInputError.invalidParameter` when M is not a finite number ≥ 0 MeV.
    public init(kind: Kind, mediatorMassMeV: Double = 0,
                interference: LightVectorCrossSection.Interference = .exact) throws(PhysicsInputError) {
        guard kind == .magneticMoment || (mediatorMassMeV.isFinite && mediatorMassMeV >= 0) else {
            throw .invalidParameter(name: "mediator mass M (MeV)", value: mediatorMassMeV,
                                    requirement: "must be a finite number ≥ 0 MeV")
        }
        self.kind = kind
        self.mediatorMassMeV = kind == .magneticMoment ? 0 : mediatorMassMeV
        self.interference = kind == .magneticMoment ? .exact : interference
    }

    /// The magnetic-moment hypothesis.
    public static let magneticMoment = try! NewPhysicsModel(kind: .magneticMoment)

    /// A light vector of mass M (MeV) with the given interference treatment.
    public static func lightVector(mediatorMassMeV: Double = 0,
                                   interference: LightVectorCrossSection.Interference = .exact) throws(PhysicsInputError)
        -> NewPhysicsModel {
        try NewPhysicsModel(kind: .lightVector, mediatorMassMeV: mediatorMassMeV, interference: interference)
    }

    /// The parameter limits are quoted in: κ = μν/μ_B or g.
    public var parameter: QuotedParameter { kind.parameter }

    /// `magnetic moment`, `light vector (exact, M = 0 MeV)`.
    public var description: String {
        switch kind {
        case .magneticMoment: "magnetic moment"
        case .lightVector: "light vector (\(interference.rawValue), M = \(mediatorMassMeV) MeV)"
        }
    }
}
