extension Scenario {
    /// An event generator for `model` over this scenario's generation region (true T ≥ the
    /// templates' `lowestTrueRecoilMeV`), normalized with the integrated cross section.
    public func eventGenerator(model: ScatteringModel, mode: EventGenerator.Mode = .unweighted,
                               templates: TemplateSet? = nil) throws -> EventGenerator {
        let t = try templates ?? self.templates()
        let regionEvents = t.generated.combined(for: model)
        return try EventGenerator(spectrum: spectrum, model: model, lowestRecoilMeV: t.lowestTrueRecoilMeV,
                                  regionCrossSection: regionEvents / t.eventsPerSquareCentimeter, mode: mode)
    }

    /// Generator + this scenario's detector, in blocks.
    public func pipeline(model: ScatteringModel, mode: EventGenerator.Mode = .unweighted, threads: Int = 1,
                         blockSize: Int = 32_768, templates: TemplateSet? = nil) throws -> EventPipeline {
        EventPipeline(generator: try eventGenerator(model: model, mode: mode, templates: templates),
                      simulator: DetectorSimulator(detector: detector, thresholdMeV: thresholdMeV),
                      blockSize: blockSize, threads: threads)
    }

    /// The Poisson-fluctuated number of interactions to generate for one toy data set: mean =
    /// expected interactions in the generation region for `model` (the detector then keeps the
    /// Poisson-distributed fraction above threshold). Drawn from stream (seed, index 2⁶⁴ − 1), which
    /// no event block uses.
    public func toyInteractionCount(model: ScatteringModel, seed: UInt64, templates: TemplateSet) -> Int {
        EventPipeline.poissonCount(mean: templates.generated.combined(for: model), seed: seed)
    }
}
