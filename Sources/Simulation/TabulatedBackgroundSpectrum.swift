import Foundation
import GSL
import Physics

/// A user-supplied background spectrum (docs/physics.md §8.5): a two-column text file, the
/// **true visible energy** in MeV (electron-equivalent, before the detector response) and the
/// **rate in events per MeV per year in the whole fiducial volume** of the scenario's detector.
/// Blank lines and `#` comments are skipped; commas, tabs or spaces separate; the same checks as
/// a tabulated source spectrum (`NeutrinoSpectrum.load`): ≥ 3 points, energies finite, ≥ 0 and
/// strictly increasing, rates finite and ≥ 0, not all zero.
///
/// Between the points the rate is Steffen's monotone cubic (as `NeutrinoSpectrum`; never
/// negative), zero outside. Expected events = `eventsPerYear` × live time (calendar years: a
/// user background is taken to be always there, like radioactivity), folded with the response
/// like every background (`Scenario.backgroundTemplate`).
public struct TabulatedBackgroundSpectrum: Sendable {
    /// A label (the file name).
    public let name: String
    /// Visible energies, MeV.
    public let energies: [Double]
    /// dR/dE at `energies`, events per MeV per year in the fiducial volume.
    public let rates: [Double]
    /// The normalized shape (unit area, per MeV).
    public let shape: NeutrinoSpectrum
    /// ∫ dR/dE dE of the interpolant, events per year.
    public let eventsPerYear: Double

    /// - Throws: `PhysicsInputError` naming the bad point (as for a source spectrum).
    public init(name: String, energies: [Double], rates: [Double]) throws {
        let shape = try NeutrinoSpectrum(name: name, energies: energies, weights: rates)
        let spline = try Spline(x: energies, y: rates, kind: .steffen)
        self.name = name
        self.energies = energies
        self.rates = rates
        self.shape = shape
        self.eventsPerYear = spline.integral(from: energies[0], to: energies[energies.count - 1])
    }

    /// Reads the file at `path`.
    /// - Throws: `PhysicsInputError.unreadableFile`, `.unreadableLine(line:text:)` (1-based line)
    ///   or the point that fails a check.
    public static func load(path: String) throws -> TabulatedBackgroundSpectrum {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw PhysicsInputError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        let (energies, rates) = try NeutrinoSpectrum.columns(text)
        return try TabulatedBackgroundSpectrum(name: (path as NSString).lastPathComponent, energies: energies, rates: rates)
    }

    /// dR/dE at `e` MeV: events per MeV per year (0 outside the table).
    public func rate(at e: Double) -> Double { eventsPerYear * shape.density(at: e) }
}
