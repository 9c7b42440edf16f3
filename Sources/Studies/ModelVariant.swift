import Output
/// One new-physics hypothesis of a card: a model with, for the light vector, one mediator mass
/// and one interference treatment (a card's `models` entry expands to one variant per mass).
public struct ModelVariant: Sendable, Equatable {
    public var kind: RunCard.Kind
    public var interference: RunCard.Interference
    /// Z′ mass M, MeV (0 for the magnetic moment).
    public var mediatorMassMeV: Double

    public init(kind: RunCard.Kind, interference: RunCard.Interference = .exact, mediatorMassMeV: Double = 0) {
        self.kind = kind
        self.interference = kind == .magneticMoment ? .exact : interference
        self.mediatorMassMeV = kind == .magneticMoment ? 0 : mediatorMassMeV
    }

    /// The card's models, each light-vector entry expanded over its mediator masses.
    public static func all(in card: RunCard) -> [ModelVariant] {
        card.models.flatMap { model -> [ModelVariant] in
            switch model.model {
            case .magneticMoment: return [ModelVariant(kind: .magneticMoment)]
            case .lightVector:
                return (model.mediatorMassesMeV ?? [0]).map {
                    ModelVariant(kind: .lightVector, interference: model.interference ?? .exact, mediatorMassMeV: $0)
                }
            }
        }
    }

    /// "mu_nu" or "g".
    public var parameter: String { kind == .magneticMoment ? "mu_nu" : "g" }

    /// Interference as shown in tables (nil for the magnetic moment).
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
        case .magneticMoment: return "mu_nu"
        case .lightVector:
            let base = interference == .exact ? "g exact" : "g pure Z' only"
            return mediatorMassMeV == 0 ? base : "\(base) M=\(NumberFormatting.roundTrip(mediatorMassMeV)) MeV"
        }
    }
}
