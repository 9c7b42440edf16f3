import Foundation
import Physics
import Simulation
import Statistics
import Studies

/// Toy fits with systematics (issue 13 item 7): KamLAND > 3 MeV, 3 000 SM events, magnetic moment,
/// 0.1 MeV bins, the preset's three largest backgrounds (⁸B ν, ²⁰⁸Tl, ¹²B; each a constrained
/// normalization) and the five preset systematics (energy scale, non-linearity, resolution,
/// efficiency, ⁸Li shape; histosys code4p), every nuisance profiled (`SystematicLikelihood`).
/// Toys are thrown at θ = 0 with every global observable fluctuated (`SystematicToys`); one thread.
///
/// - toy fits per second: the best fit θ̂ ≥ 0 of one toy, generation included;
/// - toy tests per second: that fit plus the profile fit at the Asimov limit, q(θ_A) — a toy
///   hypothesis test as pyhf's `ToyCalculator` makes on the exported workspace (`workspace`), so
///   `scripts/pyhf_toy_rate.py` can time pyhf on the same model in the same run (`make bench`).
public enum SystematicFitBenchmark {
    public struct Result: Sendable {
        public var toyFitsPerSecond: Double
        public var toyTestsPerSecond: Double
        public var failedFits: Int
        public var parameters: Int
    }

    public static func run(toys: Int, seed: UInt64 = 1, workspace: String? = nil) throws -> Result {
        let scenario = try StudyScenario(detector: try Detector.preset(named: "kamland"), spectrum: try Lithium8Spectrum.make(),
                                         thresholdMeV: 3, normalization: .smEventsAboveThreshold(3000), model: .magneticMoment,
                                         backgrounds: try BackgroundSelection.parse("solar-b8,tl208,b12").definitions(detectorPreset: "kamland"),
                                         systematics: try SystematicNuisance.defaults(detector: "kamland"))
        let fit = try scenario.systematicFit(templates: try scenario.templates())
        let asimov = try fit.asimov(statistic: .poisson, cl: 0.90, method: .clsb)
        if let workspace {
            try PyhfWorkspace.make(fit: fit, value: fit.base.quoted(asimov.limit)).write(to: workspace)
        }
        func timed(_ tested: Double?) throws -> (Double, Int) {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = try SystematicToys.run(model: fit.model, trueTheta: 0, critical: asimov.criticalValue, count: toys, seed: seed,
                                                 threads: 1, scale: asimov.limit, upperLimit: false, testedTheta: tested)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
            return (Double(toys) / seconds, results.filter { $0.status == .failed }.count)
        }
        let (fits, failedFits) = try timed(nil)
        let (tests, failedTests) = try timed(asimov.limit)
        return Result(toyFitsPerSecond: fits, toyTestsPerSecond: tests, failedFits: failedFits + failedTests,
                      parameters: fit.model.parameterCount)
    }
}
