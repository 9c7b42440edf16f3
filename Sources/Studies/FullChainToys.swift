import GSL
import Simulation
import Statistics

/// Full-chain pseudo-experiments: each toy is generated event by event instead of drawn as
/// Poisson counts around the templates.
///
/// Toy k, on its own stream RandomStream(seed, k) (reseeded by `ToyRunner`): a 64-bit toy seed
/// is drawn from the stream (two words), and `EventPipeline.toyHistogram` does the rest with it:
/// N ~ Poisson(ν) interactions, ν = the expected interactions in the generation region for the
/// true model (`TemplateSet.generated`), sampled exactly from φ(E) dσ/dT (`EventGenerator`,
/// unweighted), passed through the detector (`DetectorSimulator`: smearing, threshold,
/// efficiency) and histogrammed in reconstructed T in the scenario's bins (overflow in the last
/// bin, as in the templates). The pipeline runs on one thread inside a toy (`ToyRunner`
/// parallelizes over toys), so the toys are byte-identical for any thread count or sharding.
///
/// With backgrounds, each toy adds their full-chain histogram (`BackgroundToyGenerator`: per
/// component a Poisson number of detected events sampled event by event, seeded from the same toy
/// seed on streams of their own) at the nominal normalizations b_j = 1.
///
/// The events are thrown at the nominal normalization n = 1: use
/// `ToyConfiguration.profiled(referenceData: model.asimovData(theta: truth))` so that the
/// binned model's generation nuisances match (n_gen = 1).
public enum FullChainToys {
    /// The most interactions a full-chain toy may expect: 10¹² (an event count must stay an
    /// exact integer, and a toy that large would take days).
    public static let maximumInteractions = 1e12

    /// A `ToyDataGenerator` for `scenario` at the true `model` (templates from
    /// `scenario.templates()`, passed to avoid rebuilding them).
    /// - Throws: when the generator cannot be built (e.g. a density negative somewhere, which
    ///   unweighted sampling cannot represent).
    public static func generator(scenario: Simulation.Scenario, model: ScatteringModel,
                                 templates: TemplateSet, backgrounds: BackgroundToyGenerator? = nil) throws -> ToyDataGenerator {
        let pipeline = try scenario.pipeline(model: model, mode: .unweighted, threads: 1, templates: templates)
        let mean = templates.generated.combined(for: model)
        let binning = templates.binning
        guard mean.isFinite, mean >= 0, mean <= maximumInteractions else {
            throw StatisticsError("the expected number of interactions per toy (\(mean)) must lie in 0…10¹² for full-chain toys (lower --events)")
        }
        if let backgrounds {
            guard backgrounds.binning == binning else { throw StatisticsError("the background toys need the signal's binning") }
            let events = backgrounds.components.reduce(0) { $0 + $1.expectedDetectedEvents }
            guard events <= maximumInteractions else {
                throw StatisticsError("the expected background events per toy (\(events)) must be at most 10¹² for full-chain toys")
            }
        }
        return { @Sendable stream, _ in
            let seed = UInt64(truncatingIfNeeded: stream.nextWord()) << 32 | UInt64(truncatingIfNeeded: stream.nextWord())
            var counts = pipeline.toyHistogram(seed: seed, expectedInteractions: mean, binning: binning).counts
            if let backgrounds {
                let b = backgrounds.histogram(seed: seed).counts
                for i in counts.indices { counts[i] += b[i] }
            }
            return counts
        }
    }
}
