import Physics
import Output

extension NewPhysicsModel {
    /// Interference as shown in tables: `exact` or `none`; nil for the magnetic moment.
    public var interferenceLabel: String? { kind == .lightVector ? interference.rawValue : nil }

    /// A short label: `magnetic-moment`, `light-vector exact M=0`, `light-vector none M=0`.
    public var label: String {
        switch kind {
        case .magneticMoment: return "magnetic-moment"
        case .lightVector: return "light-vector \(interference.rawValue) M=\(NumberFormatting.roundTrip(mediatorMassMeV))"
        }
    }

    /// Legend label of a curve: `mu_nu`, `g exact`, `g pure Z' only` (plus M when ≠ 0).
    public var curveLabel: String {
        switch kind {
        case .magneticMoment: return parameter.name
        case .lightVector:
            let base = interference == .exact ? "g exact" : "g pure Z' only"
            return mediatorMassMeV == 0 ? base : "\(base) M=\(NumberFormatting.roundTrip(mediatorMassMeV)) MeV"
        }
    }
}
