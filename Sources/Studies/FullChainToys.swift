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
                                 templates: TemplateSet) throws -> ToyDataGenerator {
        let pipeline = try scenario.pipeline(model: model, mode: .unweighted, threads: 1, templates: templates)
        let mean = templates.generated.combined(for: model)
        let binning = templates.binning
        guard mean.isFinite, mean >= 0, mean <= maximumInteractions else {
            throw StatisticsError("the expected number of interactions per toy (\(mean)) must lie in 0…10¹² for full-chain toys (lower --events)")
        }
        return { @Sendable stream, _ in
            let seed = UInt64(truncatingIfNeeded: stream.nextWord()) << 32 | UInt64(truncatingIfNeeded: stream.nextWord())
            return pipeline.toyHistogram(seed: seed, expectedInteractions: mean, binning: binning).counts
        }
    }
}
