/// A monoenergetic neutrino line of a source: dN/dE = b · δ(E − E_line) per decay (or per
/// reaction). Used for the electron-capture solar components (pep, ⁷Be; docs/physics.md §13.2).
public struct NeutrinoLine: Sendable, Equatable {
    /// E_line, MeV.
    public let energyMeV: Double
    /// The fraction b of the component's neutrinos in this line (dimensionless, 0 < b ≤ 1).
    public let branching: Double

    public init(energyMeV: Double, branching: Double) {
        self.energyMeV = energyMeV
        self.branching = branching
    }
}
