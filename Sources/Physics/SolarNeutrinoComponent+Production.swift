extension SolarNeutrinoComponent {
    /// Where in the Sun the component is produced, as the electron density there: the 16
    /// equal-probability quantiles (at probabilities (k + ½)/16) of n_e over the component's
    /// production distribution, in units of N_A cm⁻³ (mol cm⁻³), highest first
    /// (docs/physics.md §13.3).
    ///
    /// Derived for nue from the B16-GS98 model's tables of the production fraction per radius and
    /// log₁₀(n_e/N_A) (Vinyoles et al., ApJ 835, 202 (2017); the model's file
    /// `nudistr_b16_gs98.dat`, 1 000 shells to 0.5 R_⊙): the cumulative production in r, inverted
    /// at each probability, with n_e interpolated in r. Averaging P_ee over these 16 densities
    /// reproduces the average over the full distribution to ≤ 6×10⁻⁴ in P_ee for 0.1–15 MeV.
    /// Production-weighted means ⟨n_e⟩: pp 60.6, pep 66.6, ⁷Be 79.6, ¹³N 73.8, ¹⁵O 86.2,
    /// ¹⁷F 87.1, ⁸B 87.9, hep 51.4 (`meanProductionElectronDensity`); the centre has 100.9.
    public var productionElectronDensities: [Double] {
        switch self {
        case .pp: [94.4, 87.6, 82.5, 78.1, 74.2, 70.4, 66.8, 63.2, 59.7, 56.2, 52.4, 48.4, 44.0, 38.9, 32.5, 22.1]
        case .pep: [96.0, 90.6, 86.4, 82.6, 79.3, 75.8, 72.7, 69.5, 66.3, 63.0, 59.5, 55.8, 51.5, 46.7, 40.5, 30.0]
        case .be7: [98.6, 95.7, 93.5, 91.3, 89.1, 87.1, 85.1, 82.8, 80.6, 78.3, 75.7, 72.8, 69.4, 65.4, 59.8, 49.8]
        case .n13: [99.3, 97.1, 95.1, 93.1, 91.1, 89.0, 86.9, 84.4, 81.5, 77.9, 72.8, 62.2, 43.8, 40.6, 37.4, 32.4]
        case .o15: [99.5, 97.8, 96.2, 94.9, 93.5, 92.1, 90.5, 89.0, 87.4, 85.6, 83.7, 81.5, 78.9, 75.8, 71.4, 63.3]
        case .f17: [99.7, 97.9, 96.6, 95.1, 93.9, 92.5, 91.2, 89.7, 88.2, 86.6, 84.8, 82.6, 80.3, 77.2, 73.1, 65.3]
        case .b8: [99.8, 98.2, 96.8, 95.6, 94.3, 93.0, 91.8, 90.3, 88.9, 87.4, 85.7, 83.8, 81.6, 78.8, 75.0, 67.7]
        case .hep: [90.2, 80.9, 74.4, 69.2, 64.5, 60.4, 56.4, 52.6, 48.8, 45.1, 41.3, 37.4, 33.1, 28.4, 23.0, 16.0]
        }
    }

    /// The production-weighted mean electron density ⟨n_e⟩, N_A cm⁻³, from the same B16-GS98
    /// tables (full distribution, not the quantiles).
    public var meanProductionElectronDensity: Double {
        switch self {
        case .pp: 60.6
        case .pep: 66.6
        case .be7: 79.6
        case .n13: 73.8
        case .o15: 86.2
        case .f17: 87.1
        case .b8: 87.9
        case .hep: 51.4
        }
    }
}
