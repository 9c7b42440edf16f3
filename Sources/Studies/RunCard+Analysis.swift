extension RunCard {
    /// What a card asks the runner to compute. The lead's runners dispatch on these.
    public enum Analysis: String, Codable, CaseIterable, Sendable {
        /// Asimov 90 % CL limits per scenario × model × statistic (the mission's table).
        case asimov
        /// SM and new-physics recoil spectra per scenario (plot data `spectrum_*.csv`).
        case spectra
        /// Δχ² vs parameter curves (plot data `delta_chi2_*.csv`).
        case deltaChi2 = "delta-chi2"
        /// Toy limit distributions vs the Asimov limit (`toy_limits_*.csv`).
        case toys
        /// Coverage of the Asimov/FC intervals at true values (`coverage_*.csv`).
        case coverage
        /// Light-vector g–M exclusion over `scans.mediator_mass_mev` (`exclusion_gm_*.csv`).
        case gmExclusion = "gm-exclusion"
        /// Limit vs analysis threshold over `scans.thresholds_mev` (`scan_*.csv`).
        case thresholdScan = "threshold-scan"
        /// Limit vs normalization uncertainty over `scans.norm_sigmas` (`scan_*.csv`).
        case normScan = "norm-scan"
        /// Expected precision on sin²θ_W from the SM spectrum (`scan_*.csv`).
        case sin2wPrecision = "sin2w-precision"
        /// Event counts and limits from physical exposures (scenarios with `exposure: true`).
        case exposure
        /// DUNE-like LAr vs ⁴²Ar/⁴²K (`argon:` block; `ArgonStudyAnalysis`): limits vs rejection,
        /// direction resolution and threshold (`scan_*.csv`), required rejection to match the
        /// card's scenarios.
        case argon
        /// Per scenario with backgrounds: the background budget (events per component above
        /// threshold and in the analysis window), the limits with no backgrounds, all of them, all
        /// but each one (and each group) and each one alone, and the stacked spectra (`stack_*.csv`);
        /// `BackgroundBreakdownAnalysis`, docs/physics.md §8.11.
        case backgroundBreakdown = "background-breakdown"
        /// Per scenario with systematics: the limits with none, all, each nuisance fixed in turn
        /// and all fixed, and the nuisances' Asimov pulls, constraints and impacts on θ̂
        /// (`impacts_*.csv`); `SystematicsBreakdownAnalysis`, docs/physics.md §16.6.
        case systematicsBreakdown = "systematics-breakdown"
        /// Per scenario with systematics (first model): toys thrown at the profiled nuisances with
        /// every global observable fluctuated; the toy median against the Asimov limit and the
        /// coverage of the asymptotic interval at it; `SystematicsToysAnalysis`, docs/physics.md §16.7.
        case systematicsToys = "systematics-toys"
    }
}
