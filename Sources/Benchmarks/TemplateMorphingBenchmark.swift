import Foundation
import Physics
import Simulation
import Statistics

/// Exact refolding against interpolation (docs/physics.md §16.5), KamLAND > 3 MeV (3 000 SM events,
/// 0.1 MeV bins) with three backgrounds (¹²B, ²⁰⁸Tl, IBD) and the preset's five default nuisances:
///
/// - refold: every template (four signal terms and three backgrounds) rebuilt at one shifted
///   response point (α = +1 %, β = +0.003, r = +5 %, ε −1 %; the source shape at 0, whose
///   refold adds one ⁸B unfolding), best of 3;
/// - interpolation: one evaluation of every sample (7 samples × 5 code4p histosys) with the
///   gradient, into held buffers (no allocation), averaged over 20 000 evaluations.
public enum TemplateMorphingBenchmark {
    public struct Result: Sendable {
        public var refoldSeconds: Double
        public var interpolationSeconds: Double
    }

    public static func run(evaluations: Int = 20_000) throws -> Result {
        let scenario = try Scenario(detector: .kamland, spectrum: try Lithium8Spectrum.make(),
                                    normalization: .smEventsAboveThreshold(3000))
        let definitions = try ["b12", "tl208", "ibd"].map { try BackgroundCatalog.definition(named: $0, detector: "kamland") }
        let nuisances = try SystematicNuisance.defaults(detector: "kamland")
        let templates = try SystematicTemplates.build(scenario: scenario, backgrounds: definitions, nuisances: nuisances)
        let shift = try SystematicShift(energyScale: 0.01, nonLinearity: 0.003, resolutionScale: 0.05, efficiencyScale: -0.01)
        var refold = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let signal = try scenario.templates(at: shift, eventsPerSquareCentimeter: templates.nominal.eventsPerSquareCentimeter)
            let backgrounds = try scenario.backgroundTemplates(definitions, exposure: templates.exposure, at: shift)
            refold = min(refold, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
            precondition(signal.standardModel.count == backgrounds[0].counts.count)
        }
        let samples = try morphingSamples(templates)
        let bins = templates.nominal.standardModel.count
        let values = UnsafeMutablePointer<Double>.allocate(capacity: bins * samples.count)
        let gradient = UnsafeMutablePointer<Double>.allocate(capacity: bins * nuisances.count * samples.count)
        let parameters = UnsafeMutablePointer<Double>.allocate(capacity: nuisances.count)
        defer { values.deallocate(); gradient.deallocate(); parameters.deallocate() }
        var checksum = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for k in 0..<evaluations {
            for p in 0..<nuisances.count { parameters[p] = 0.3 * sin(Double(k + p)) }
            for (s, sample) in samples.enumerated() {
                sample.evaluate(parameters: parameters, values: values + s * bins, gradient: gradient + s * bins * nuisances.count)
            }
            checksum += values[k % bins]
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 / Double(evaluations)
        precondition(checksum.isFinite)
        return Result(refoldSeconds: refold, interpolationSeconds: seconds)
    }

    /// One code4p `MorphingSample` per signal term and background (nuisance i ↔ parameter i).
    static func morphingSamples(_ t: SystematicTemplates) throws -> [MorphingSample] {
        let indices = Array(t.variations.indices)
        func sample(_ name: String, _ nominal: [Double], _ up: (SystematicTemplates.Variation) -> [Double],
                    _ down: (SystematicTemplates.Variation) -> [Double]) throws -> MorphingSample {
            try MorphingSample(name: name, nominal: nominal,
                               histoSys: try t.variations.map { try HistoSysInterpolation(nominal: nominal, up: up($0), down: down($0)) },
                               histoSysParameters: indices)
        }
        let terms: [(String, (TemplateSet) -> [Double])] = [
            ("sm", { $0.standardModel }), ("mm", { $0.magneticMomentPerKappaSquared }),
            ("lv1", { $0.lightVectorLinearPerGSquared }), ("lv2", { $0.lightVectorQuadraticPerGFourth }),
        ]
        var samples = try terms.map { name, pick in try sample(name, pick(t.nominal), { pick($0.up) }, { pick($0.down) }) }
        for (k, b) in t.nominalBackgrounds.enumerated() {
            samples.append(try sample(b.name, b.counts, { $0.upBackgrounds[k].counts }, { $0.downBackgrounds[k].counts }))
        }
        return samples
    }
}
