import Physics

/// Exact refolding at a systematic shift (docs/physics.md §16.2): every template of the scenario
/// rebuilt by the nominal folding code (`foldedCrossSections`, `backgroundTemplate`) through the
/// shifted response (`SystematicShift.applied(to:)`) and, for a source-shape shift, the shifted
/// ⁸Li spectrum. The exposure does not move: the signal keeps the nominal F (events per cm²) —
/// with `--events N` it is *not* renormalized to N, or the shift's effect on the rate would be
/// lost — and the backgrounds keep the nominal `BackgroundExposure`.
extension Scenario {
    /// This scenario with `shift` applied: the response shift stored, the spectrum replaced by
    /// `sourceShape`'s at s when s ≠ 0 (binning, threshold and normalization kept).
    /// - Throws: `SimulationError` when s ≠ 0 and the scenario's source is not in `sourceShape`'s
    ///   family (the source-shape systematic exists for the default ⁸Li source only).
    public func shifted(by shift: SystematicShift, sourceShape: SourceShapeVariation = .lithium8Measured) throws -> Scenario {
        var copy = self
        copy.systematicShift = shift
        if shift.sourceShape != 0 {
            guard try sourceShape.contains(spectrum) else {
                throw SimulationError.invalidParameter(
                    name: "source shape s", value: shift.sourceShape,
                    requirement: "needs the default ⁸Li source (measured ⁸Be final state); this scenario's source is '\(spectrum.name)'")
            }
            copy.spectrum = try sourceShape.spectrum(at: shift.sourceShape)
        }
        return copy
    }

    /// The signal templates at `shift`, with F = `eventsPerSquareCentimeter` (the nominal
    /// templates' `eventsPerSquareCentimeter`). At the nominal shift and that F they equal
    /// `templates()` bit for bit.
    public func templates(at shift: SystematicShift, eventsPerSquareCentimeter factor: Double,
                          sourceShape: SourceShapeVariation = .lithium8Measured) throws -> TemplateSet {
        try SimulationError.require(factor, "events per cm² of the nominal templates", "must be > 0") { $0 > 0 }
        let moved = try shifted(by: shift, sourceShape: sourceShape)
        return moved.templates(try moved.foldedCrossSections(), eventsPerSquareCentimeter: factor)
    }

    /// The background templates at `shift`, at the nominal `exposure` (the IBD background follows
    /// a source-shape shift, being made by the same source).
    public func backgroundTemplates(_ definitions: [BackgroundDefinition], exposure: BackgroundExposure, at shift: SystematicShift,
                                    sourceShape: SourceShapeVariation = .lithium8Measured) throws -> [BackgroundTemplate] {
        try shifted(by: shift, sourceShape: sourceShape).backgroundTemplates(definitions, exposure: exposure)
    }
}
