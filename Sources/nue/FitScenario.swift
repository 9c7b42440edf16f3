import ArgumentParser
import Foundation
import GSL
import Simulation
import Statistics
import Studies

/// The statistical model of a scenario built from the CLI options: the scenario's templates as
/// a `Studies.ModelFit` (a `BinnedModel` in rescaled units θ = θ_physical / unit, θ_physical = κ²
/// or g², so that the fitter's numbers are of order one). Limits are quoted as √(unit · θ):
/// κ in μ_B, or g.
struct FitScenario {
    let options: ScenarioOptions
    let study: StudyScenario
    let templates: TemplateSet
    let fit: ModelFit

    init(_ options: ScenarioOptions) throws {
        self.options = options
        study = try options.studyScenario()
        do { templates = try study.templates() } catch { throw CommandFailure(error) }
        let (study, templates) = (self.study, self.templates)
        fit = try runtime { try study.fit(templates: templates) }
    }

    /// Whether the fit has background components (`--backgrounds` other than none).
    var hasBackgrounds: Bool { !study.backgrounds.isEmpty }

    /// The Simulation scenario (detector, spectrum, threshold, binning).
    var scenario: Scenario { study.simulation }

    var statistic: TestStatistic { study.statistic }

    /// The rescaled binned model.
    var model: BinnedModel { fit.binnedModel }

    /// θ_physical = unit · θ.
    var unit: Double { fit.unit }

    /// "mu_nu" (κ = μν/μ_B) or "g".
    var parameterName: String { fit.parameter.name }

    /// The quoted parameter for a θ in fitter units: √(unit · θ).
    func quoted(_ theta: Double) -> Double { fit.quoted(theta) }

    /// θ in fitter units for a quoted value (κ or g).
    func theta(quoted value: Double) -> Double { fit.theta(quoted: value) }

    /// Expected SM events above threshold.
    var events: Double { fit.events }

    /// A canonical description of everything that defines the toys (not threads, shard, output).
    var label: String {
        let o = options
        return "model=\(o.model.rawValue) detector=\(o.detector.lowercased()) threshold_mev=\(o.threshold) "
            + "events=\(o.events.map { "\($0)" } ?? "exposure(years=\(o.years),intensity=\(o.intensity))") "
            + "bin_width_mev=\(o.binWidth) sin2w=\(o.sin2w.map { "\($0)" } ?? "default") mediator_mass_mev=\(o.mediatorMass) "
            + "no_interference=\(o.noInterference) norm_sigma=\(o.normSigma) cl=\(o.cl) statistic=\(o.statistic.rawValue)"
            + (o.radiativeCorrections ? " radiative_corrections=true" : "")
            + (hasBackgrounds ? " backgrounds=\(study.backgroundLabel) background_intensity=\(o.intensity)" : "")
    }

    func band(_ b: ExpectedBand) -> (band68: [Double], band95: [Double]) {
        ([quoted(b.minus1), quoted(b.plus1)], [quoted(b.minus2), quoted(b.plus2)])
    }
}

/// nil for NaN or infinity (JSON has no such numbers).
func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// A thread-safe progress line on stderr (only when stderr is a terminal and not --quiet).
final class ToyProgress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = 0.0
    init(enabled: Bool) { self.enabled = enabled }

    func report(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date().timeIntervalSince1970
        guard now - last > 0.2 || done == total else { return }
        last = now
        FileHandle.standardError.write(Data("\r\(done)/\(total) toys".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    var callback: (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { @Sendable [self] done, total in self.report(done, total) }
    }
}
