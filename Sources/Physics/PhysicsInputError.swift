/// The Physics module's one error type: inputs outside a formula's domain, and tabulated
/// spectra that cannot be used (with the row that is wrong); messages written for the user.
public enum PhysicsInputError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidNeutrinoEnergy(Double)
    case invalidRecoil(Double)
    case recoilAboveKinematicLimit(recoil: Double, limit: Double, neutrinoEnergy: Double)
    case invalidRecoilRange(Double, Double)
    case invalidParameter(name: String, value: Double, requirement: String)
    // A tabulated spectrum:
    case tooFewPoints(Int)
    case lengthMismatch(Int, Int)
    case badEnergy(index: Int, value: Double)
    case badWeight(index: Int, value: Double)
    case notIncreasing(index: Int, previous: Double, value: Double)
    case zeroIntegral
    case unreadableLine(line: Int, text: String)
    case unreadableFile(path: String, reason: String)

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
        case .tooFewPoints(let n): "spectrum needs at least 3 points, got \(n)"
        case let .lengthMismatch(a, b): "spectrum has \(a) energies but \(b) weights"
        case let .badEnergy(i, v): "spectrum point \(i + 1): energy \(v) is not a finite non-negative number of MeV"
        case let .badWeight(i, v): "spectrum point \(i + 1): weight \(v) is not finite and non-negative"
        case let .notIncreasing(i, p, v): "spectrum point \(i + 1): energy \(v) MeV does not increase (previous \(p) MeV)"
        case .zeroIntegral: "spectrum integrates to zero"
        case let .unreadableLine(line, text): "line \(line): expected two numbers 'E_MeV weight', got '\(text)'"
        case let .unreadableFile(path, reason): "cannot read spectrum file \(path): \(reason)"
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
