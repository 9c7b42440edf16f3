/// Bad input to the simulation layer, with messages written for the user.
public enum SimulationError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknownDetector(String)
    case invalidParameter(name: String, value: Double, requirement: String)
    case thresholdAboveKinematicLimit(thresholdMeV: Double, limitMeV: Double, endpointMeV: Double)
    case invalidBinning(String)
    case negativeDensity(neutrinoEnergyMeV: Double, recoilMeV: Double, value: Double)
    case emptyGenerationRegion(String)
    /// A background component name nue does not know, with the allowed names.
    case unknownBackground(name: String, allowed: [String])
    /// A background component whose rate this detector has no preset for.
    case noBackgroundRate(name: String, detector: String)
    /// A detector without a background preset.
    case noBackgroundPreset(detector: String, presets: [String])

    public var description: String {
        switch self {
        case .unknownDetector(let name):
            "unknown detector '\(name)'; choose one of \(Detector.presetNames.joined(separator: ", "))"
        case let .invalidParameter(name, value, requirement):
            "\(name) = \(value): \(requirement)"
        case let .thresholdAboveKinematicLimit(t, limit, endpoint):
            "threshold \(t) MeV is at or above the kinematic limit T_max = \(limit) MeV at the source endpoint E = \(endpoint) MeV: no event can pass it"
        case .invalidBinning(let reason):
            "invalid binning: \(reason)"
        case let .negativeDensity(e, t, v):
            "the event density is negative (\(v) cm²/MeV at E = \(e) MeV, T = \(t) MeV: destructive interference); unweighted events cannot be generated, use weighted mode"
        case .emptyGenerationRegion(let reason):
            "nothing to generate: \(reason)"
        case let .unknownBackground(name, allowed):
            "unknown background '\(name)'; choose preset, none, or names from: \(allowed.joined(separator: ", "))"
        case let .noBackgroundRate(name, detector):
            "background '\(name)' has no preset rate for detector '\(detector)'; give its rate in a run card (rate_cpd_per_100t) or choose a detector with a preset"
        case let .noBackgroundPreset(detector, presets):
            "detector '\(detector)' has no background preset (presets: \(presets.joined(separator: ", "))); name components instead (the solar ones work for any detector)"
        }
    }

    /// Throws unless `value` is finite and satisfies `condition`.
    static func require(_ value: Double, _ name: String, _ requirement: String, _ condition: (Double) -> Bool) throws(SimulationError) {
        guard value.isFinite, condition(value) else {
            throw .invalidParameter(name: name, value: value, requirement: requirement)
        }
    }
}
