import Physics

/// The family of ⁸Li source spectra behind the source-shape systematic (docs/physics.md §16.1):
/// at s (in units of the ⁸B shape's 1σ) the ⁸Li spectrum whose ⁸Be final-state strength is unfolded
/// from the measured ⁸B shape λ + s δλ of Winter et al., PRC 73, 025503 (2006)
/// (`Beryllium8Strength.unfold(sigmaShift:)`, §4.5.1), on the grid of `Lithium8Spectrum.make`.
/// s = 0 is the default source; s = ±1 the ±1σ pair of `nue source --json`. The unfoldings at
/// 0 and ±1 are cached per process; any other s unfolds anew (≈ 0.1 s).
public struct SourceShapeVariation: Sendable {
    /// Energies of the tabulated spectra (`Lithium8Spectrum.make(points:)`).
    public let points: Int

    /// The default ⁸Li source of nue (measured final state, 801 points).
    public static let lithium8Measured = SourceShapeVariation(points: 801)

    public init(points: Int) { self.points = points }

    /// The ⁸Li spectrum at `s` (|s| ≤ 5).
    public func spectrum(at s: Double) throws -> NeutrinoSpectrum {
        let strength: Beryllium8Strength
        switch s {
        case 0: strength = try Beryllium8Strength.measured(.central)
        case 1: strength = try Beryllium8Strength.measured(.plusOneSigma)
        case -1: strength = try Beryllium8Strength.measured(.minusOneSigma)
        default: strength = try Beryllium8Strength.unfold(sigmaShift: s)
        }
        return try Lithium8Spectrum.make(finalState: .measured(strength), points: points)
    }

    /// Whether `spectrum` is a member of this family (the measured-final-state ⁸Li spectrum on the
    /// same grid): the condition for a source-shape shift of a scenario.
    public func contains(_ spectrum: NeutrinoSpectrum) throws -> Bool {
        let nominal = try self.spectrum(at: 0)
        return spectrum.name == nominal.name && spectrum.energies == nominal.energies
    }
}
