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

extension PhysicsInputError {
    /// The normalized fractions of `intensities` (one per decay branch or channel of nuclide
    /// `name`) after checking them and the half-life (s).
    /// - Throws: `invalidParameter` if the counts differ or are 0, an intensity is negative or not
    ///   finite, all are zero, or the half-life is not positive.
    static func checkedFractions(of intensities: [Double], count: Int, kind: String, name: String,
                                 halfLife: Double) throws -> [Double] {
        guard count > 0, count == intensities.count else {
            throw invalidParameter(name: "\(name) \(kind) count", value: Double(intensities.count),
                                   requirement: "need one intensity per \(kind) (\(count) of them)")
        }
        for i in intensities where !(i.isFinite && i >= 0) {
            throw invalidParameter(name: "\(name) \(kind) intensity", value: i, requirement: "must be finite and non-negative")
        }
        let total = intensities.reduce(0, +)
        guard total > 0 else { throw invalidParameter(name: "\(name) total intensity", value: total, requirement: "must be positive") }
        guard halfLife.isFinite, halfLife > 0 else {
            throw invalidParameter(name: "\(name) half-life (s)", value: halfLife, requirement: "must be positive")
        }
        return intensities.map { $0 / total }
    }

    /// Checks histogram bin edges: at least 2, finite, strictly increasing (MeV).
    static func checkBinEdges(_ edges: [Double]) throws {
        guard edges.count >= 2, edges.allSatisfy(\.isFinite) else {
            throw invalidParameter(name: "bin edge count", value: Double(edges.count), requirement: "need at least 2 finite edges")
        }
        for i in 1..<edges.count where !(edges[i] > edges[i - 1]) {
            throw invalidParameter(name: "bin edge \(i) (MeV)", value: edges[i], requirement: "edges must increase strictly")
        }
    }
}

