import Physics

/// One background component of a scenario, as data (docs/physics.md §8): what makes it (its
/// `Source`), how well its normalization is known, and where its rate comes from. A preset per
/// detector is `BackgroundCatalog`; run cards and `--backgrounds` choose and override them
/// (`Studies.BackgroundSelection`). `Scenario.backgroundTemplate(_:exposure:)` turns a definition
/// into expected counts per bin of reconstructed energy, through the same detector response as
/// the signal.
public struct BackgroundDefinition: Sendable {
    /// What produces the events, with its rate parameters.
    public enum Source: Sendable {
        /// Solar-neutrino elastic scattering on electrons, the sum of these components
        /// (`SolarRecoilRate`: default fluxes, MSW-LMA survival, tree-level cross sections;
        /// docs/physics.md §13.4). The rate is computed: per target electron × electrons × live time.
        case solar([SolarNeutrinoComponent])
        /// Decays in the fiducial volume (`DecayBackground`: nuclides, rate per 100 t, veto).
        case decays(DecayBackground)
        /// Inverse β decay ν̄_e p → e⁺ n of the IsoDAR source itself whose delayed neutron capture
        /// is missed: `untaggedFraction` ∈ [0, 1] of all IBD events, seen at E_prompt = E_ν −
        /// 0.782 MeV (docs/physics.md §13.5). The rate is computed from the scenario's exposure.
        case inverseBetaDecay(untaggedFraction: Double)
        /// A user table of dR/dE_vis (events per MeV per year in the fiducial volume).
        case tabulated(TabulatedBackgroundSpectrum)
    }

    /// Short name, unique in a scenario (`solar-b8`, `c11`, …).
    public var name: String
    public var source: Source
    /// σ of the Gaussian constraint on the component's normalization b (nominal 1): the relative
    /// uncertainty of its rate; 0 fixes b, `.infinity` frees it.
    public var relativeUncertainty: Double
    /// Where the rate (and its uncertainty) comes from, or what is assumed.
    public var reference: String
    /// True when the rate is an assumption rather than a measurement or a calculation.
    public var rateIsAssumed: Bool

    public init(name: String, source: Source, relativeUncertainty: Double, reference: String, rateIsAssumed: Bool = false) {
        self.name = name
        self.source = source
        self.relativeUncertainty = relativeUncertainty
        self.reference = reference
        self.rateIsAssumed = rateIsAssumed
    }

    /// How the component's electrons point (`BackgroundDirection`; a hook, unused by the
    /// direction-blind scintillator presets).
    public var direction: BackgroundDirection {
        if case .solar = source { return .fromSun }
        return .isotropic
    }

    /// Checks every parameter; the message names the component.
    public func validate() throws(SimulationError) {
        guard !relativeUncertainty.isNaN, relativeUncertainty >= 0 else {
            throw .invalidParameter(name: "background '\(name)' normalization uncertainty", value: relativeUncertainty,
                                    requirement: "must be ≥ 0 (a fraction; ∞ frees it)")
        }
        switch source {
        case .solar(let components):
            guard !components.isEmpty else {
                throw .invalidParameter(name: "background '\(name)' solar components", value: 0, requirement: "needs at least one")
            }
        case .decays(let decays):
            try decays.validate(name)
        case .inverseBetaDecay(let f):
            try SimulationError.require(f, "background '\(name)' untagged fraction", "must be a fraction in [0, 1]") { $0 >= 0 && $0 <= 1 }
        case .tabulated:
            break
        }
    }
}
