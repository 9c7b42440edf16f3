extension SystematicTemplates {
    /// The same templates with only the backgrounds named in `names` (nominal and every ±1σ), for
    /// a fit of a subset of the scenario's backgrounds (a background breakdown with systematics).
    public func keepingBackgrounds(_ names: Set<String>) -> SystematicTemplates {
        SystematicTemplates(nominal: nominal, nominalBackgrounds: nominalBackgrounds.filter { names.contains($0.name) }, exposure: exposure,
                            variations: variations.map { v in
                                Variation(nuisance: v.nuisance, up: v.up, down: v.down,
                                          upBackgrounds: v.upBackgrounds.filter { names.contains($0.name) },
                                          downBackgrounds: v.downBackgrounds.filter { names.contains($0.name) })
                            })
    }
}
