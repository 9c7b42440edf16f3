import GSL
import Simulation
import Statistics

/// Full-chain pseudo-experiments: each toy is generated event by event instead of drawn as
/// Poisson counts around the templates.
///
/// Toy k, on its own stream RandomStream(seed, k) (reseeded by `ToyRunner`):
/// 1. N ~ Poisson(ν) interactions, ν = the expected interactions in the generation region
///    for the true model (`TemplateSet.generated`, true T ≥ the lowest recoil the response
///    can lift above threshold);
/// 2. N events (E_ν, T, direction) sampled exactly from φ(E) dσ/dT (`EventGenerator`,
///    unweighted) and passed through the detector (`DetectorSimulator`: smearing, threshold,
///    efficiency), on the same stream, in order;
/// 3. the detected events histogrammed in reconstructed T in the scenario's bins (the last bin
///    collecting the overflow, as the templates do).
/// Nothing else touches the stream, so the toys are byte-identical for any thread count or
/// sharding. The events are thrown at the nominal normalization n = 1: use
/// `ToyConfiguration.profiled(referenceData: model.asimovData(theta: truth))` so that the
/// binned model's generation nuisances match (n_gen = 1).
public enum FullChainToys {
    /// A `ToyDataGenerator` for `scenario` at the true `model` (templates from
    /// `scenario.templates()`, passed to avoid rebuilding them).
    /// - Throws: when the generator cannot be built (e.g. a density negative somewhere, which
    ///   unweighted sampling cannot represent).
    public static func generator(scenario: Simulation.Scenario, model: ScatteringModel,
                                 templates: TemplateSet) throws -> ToyDataGenerator {
        let generator = try scenario.eventGenerator(model: model, mode: .unweighted, templates: templates)
        let simulator = DetectorSimulator(detector: scenario.detector, thresholdMeV: scenario.thresholdMeV)
        let mean = templates.generated.combined(for: model)
        let binning = templates.binning
        guard mean.isFinite, mean >= 0, mean < 4e9 else {
            throw StatisticsError("the expected number of interactions (\(mean)) is out of range for full-chain toys")
        }
        return { @Sendable stream, _ in
            let count = mean > 0 ? Int(stream.poisson(mean: mean)) : 0
            var histogram = Histogram(binning: binning, collectsOverflow: true)
            var events: [Event] = []
            _ = generator.sample(count: count, stream: stream, into: &events) { event in
                simulator.simulate(&event, stream: stream)
                if event.detected { histogram.fill(event.recoRecoilMeV, weight: event.weight) }
            }
            return histogram.counts
        }
    }
}
