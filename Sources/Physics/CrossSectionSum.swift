/// The sum of independent contributions to dσ/dT, e.g. SM + magnetic moment or SM + Z′ increment.
public struct CrossSectionSum: CrossSection {
    public let terms: [any CrossSection]

    public init(_ terms: [any CrossSection]) { self.terms = terms }

    public var label: String { terms.map(\.label).joined(separator: "+") }

    public func differential(neutrinoEnergy e: Double, recoil t: Double) -> Double {
        var sum = 0.0
        for term in terms { sum += term.differential(neutrinoEnergy: e, recoil: t) }
        return sum
    }

    public func integrated(neutrinoEnergy e: Double, recoilFrom lower: Double, to upper: Double) throws -> Double {
        var sum = 0.0
        for term in terms { sum += try term.integrated(neutrinoEnergy: e, recoilFrom: lower, to: upper) }
        return sum
    }
}
