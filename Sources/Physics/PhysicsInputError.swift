/// Inputs outside a formula's domain, with messages written for the user.
public enum PhysicsInputError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidNeutrinoEnergy(Double)
    case invalidRecoil(Double)
    case recoilAboveKinematicLimit(recoil: Double, limit: Double, neutrinoEnergy: Double)
    case invalidRecoilRange(Double, Double)
    case invalidParameter(name: String, value: Double, requirement: String)

    public var description: String {
        switch self {
        case .invalidNeutrinoEnergy(let e):
            "neutrino energy must be a finite positive number of MeV, got \(e)"
        case .invalidRecoil(let t):
            "recoil kinetic energy T must be a finite positive number of MeV, got \(t)"
        case let .recoilAboveKinematicLimit(t, limit, e):
            "recoil T = \(t) MeV is above the kinematic limit T_max = \(limit) MeV for E = \(e) MeV"
        case let .invalidRecoilRange(lo, hi):
            "recoil range [\(lo), \(hi)] MeV is not a valid range (need 0 ≤ lower ≤ upper, finite)"
        case let .invalidParameter(name, value, requirement):
            "\(name) = \(value): \(requirement)"
        }
    }

    /// Checks E > 0 and 0 < T ≤ T_max(E).
    public static func checkPoint(neutrinoEnergy e: Double, recoil t: Double) throws(PhysicsInputError) {
        guard e.isFinite, e > 0 else { throw .invalidNeutrinoEnergy(e) }
        guard t.isFinite, t > 0 else { throw .invalidRecoil(t) }
        let limit = Kinematics.maxRecoil(neutrinoEnergy: e)
        guard t <= limit else { throw .recoilAboveKinematicLimit(recoil: t, limit: limit, neutrinoEnergy: e) }
    }
}
