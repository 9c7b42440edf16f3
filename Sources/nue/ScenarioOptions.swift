import ArgumentParser
import Physics
import Simulation

/// The scenario options shared by `generate`, `sensitivity`, `toys`, `coverage`, `export-pyhf`.
struct ScenarioOptions: ParsableArguments {
    enum Model: String, ExpressibleByArgument, CaseIterable {
        case magneticMoment = "magnetic-moment"
        case lightVector = "light-vector"
    }

    enum Statistic: String, ExpressibleByArgument, CaseIterable {
        case poisson
        case pearson
    }

    @Option(help: "Detector preset: \(Detector.presetNames.joined(separator: ", ")).")
    var detector: String = "kamland"
    @Option(help: "Threshold on the reconstructed electron kinetic energy, MeV.")
    var threshold: Double = 3
    @Option(help: "Expected SM events above threshold (normalization); without it, the physical exposure (--years, --intensity).")
    var events: Double?
    @Option(help: "Run time for the physical exposure, years (90 % up-time).")
    var years: Double = 5
    @Option(help: "Source intensity, ν̄e per year.")
    var intensity: Double = 2.6e22
    @Option(help: "Bin width in reconstructed T, MeV.")
    var binWidth: Double = 0.25
    @Option(help: "Weak mixing angle sin²θ_W.")
    var sin2w: Double = ElectroweakCouplings.defaultSin2ThetaW
    @Option(help: "New-physics model for fits: \(Model.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: Model = .magneticMoment
    @Option(help: "Z′ mass, MeV.")
    var mediatorMass: Double = 0
    @Flag(help: "Light vector: pure Z′ term only (no SM–Z′ interference).")
    var noInterference = false
    @Option(help: "Fractional normalization uncertainty (pull term).")
    var normSigma: Double = 0.007
    @Option(help: "Confidence level.")
    var cl: Double = 0.90
    @Option(help: "Test statistic: \(Statistic.allCases.map(\.rawValue).joined(separator: ", ")).")
    var statistic: Statistic = .poisson

    func validate() throws {
        for (v, name) in [(threshold, "--threshold"), (years, "--years"), (intensity, "--intensity"),
                          (binWidth, "--bin-width"), (sin2w, "--sin2w"), (mediatorMass, "--mediator-mass"),
                          (normSigma, "--norm-sigma"), (cl, "--cl")] {
            try requireFinite(v, name)
        }
        guard Detector.presetNames.contains(detector.lowercased()) else {
            throw ValidationError("unknown --detector '\(detector)'; choose one of \(Detector.presetNames.joined(separator: ", "))")
        }
        guard threshold > 0 else { throw ValidationError("--threshold must be a positive number of MeV, got \(threshold)") }
        if let events {
            try requireFinite(events, "--events")
            guard events > 0 else { throw ValidationError("--events must be > 0, got \(events)") }
        }
        guard years > 0 else { throw ValidationError("--years must be > 0, got \(years)") }
        guard intensity > 0 else { throw ValidationError("--intensity must be > 0, got \(intensity)") }
        guard binWidth > 0 else { throw ValidationError("--bin-width must be > 0 MeV, got \(binWidth)") }
        guard sin2w > 0, sin2w < 1 else { throw ValidationError("--sin2w must lie in (0, 1), got \(sin2w)") }
        guard mediatorMass >= 0 else { throw ValidationError("--mediator-mass must be ≥ 0 MeV, got \(mediatorMass)") }
        guard normSigma >= 0 else { throw ValidationError("--norm-sigma must be ≥ 0, got \(normSigma)") }
        guard cl > 0, cl < 1 else { throw ValidationError("--cl must lie in (0, 1), got \(cl)") }
    }

    var normalization: Normalization {
        if let events { return .smEventsAboveThreshold(events) }
        return .exposure(Exposure(sourceIntensityPerYear: intensity, liveTimeYears: years))
    }

    /// The scenario with the ⁸Li source; input errors become `ValidationError`s.
    func scenario() throws -> Scenario {
        do {
            let spectrum = try Lithium8Spectrum.make()
            return try Scenario(detector: try Detector.preset(named: detector), spectrum: spectrum,
                                thresholdMeV: threshold, normalization: normalization, binWidthMeV: binWidth,
                                sin2ThetaW: sin2w, mediatorMassMeV: mediatorMass,
                                interference: noInterference ? .pureZPrimeOnly : .exact)
        } catch let error as SimulationError {
            throw ValidationError(error.description)
        }
    }
}
