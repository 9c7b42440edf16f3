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

    /// The flux-averaged cross section of **detected** events for `model`, cm² per electron
    /// (docs/physics.md §5.6, §5.7):
    ///
    ///     ⟨σ⟩_det = ε ∫ dT dσ̄/dT(T) · Φ((T − T_thr)/σ_T) / Φ(T/σ_T),   dσ̄/dT = ∫ dE φ(E) dσ/dT(E, T)
    ///
    /// with φ normalized to one emitted ν̄e, the Gaussian response truncated at T_reco ≥ 0 and
    /// the efficiency ε: the templates' expected events above threshold divided by their events
    /// per cm² (`TemplateSet.aboveThreshold`, `eventsPerSquareCentimeter`). New physics
    /// (κ², g², g⁴ terms) included. This is NuHepMC v1.0 G.C.2's flux-averaged total cross section
    /// of the events `nue generate` writes.
    public func detectedCrossSection(model: ScatteringModel, templates: TemplateSet) -> Double {
        templates.aboveThreshold.combined(for: model) / templates.eventsPerSquareCentimeter
    }

    /// The event-file header for detected events of `model` generated with `seed`:
    /// ⟨σ⟩_det (`detectedCrossSection`), the generation region's ⟨σ⟩ and the normalization.
    public func eventFileMetadata(model: ScatteringModel, templates: TemplateSet, seed: UInt64, weighted: Bool,
                                  toolVersion: String) -> EventFileMetadata {
        EventFileMetadata(
            toolVersion: toolVersion, model: model, detectorName: detector.name, thresholdMeV: thresholdMeV,
            seed: seed, fluxAveragedCrossSectionCm2: detectedCrossSection(model: model, templates: templates),
            generatedCrossSectionCm2: templates.generated.combined(for: model) / templates.eventsPerSquareCentimeter,
            lowestRecoilMeV: templates.lowestTrueRecoilMeV, eventsPerSquareCentimeter: templates.eventsPerSquareCentimeter,
            weighted: weighted)
    }
}
