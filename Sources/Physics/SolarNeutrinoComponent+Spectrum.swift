extension SolarNeutrinoComponent {
    /// The allowed β⁺ decay behind a continuous component: the neutrino endpoint E₀ (MeV, the
    /// positron's kinetic endpoint), the daughter's charge Z and mass number A (docs/physics.md
    /// §13.2). Endpoints as tabulated by Bahcall (*Neutrino Astrophysics*, 1989;
    /// pp: Bahcall, PRC 56, 3391 (1997), which includes the thermal energy of the fusing pair);
    /// to about 1 keV they are the mass differences Q_EC − 2m_e (not re-derived for nue; a keV is
    /// invisible in the rates). nil for the lines and for ⁸B (measured shape).
    var allowedDecay: (endpointMeV: Double, daughterCharge: Int, massNumber: Int)? {
        switch self {
        case .pp: (0.42341, 1, 2)        // p p → d e⁺ ν
        case .n13: (1.19845, 6, 13)      // ¹³N → ¹³C
        case .o15: (1.73174, 7, 15)      // ¹⁵O → ¹⁵N
        case .f17: (1.73984, 8, 17)      // ¹⁷F → ¹⁷O
        case .hep: (18.773, 2, 4)        // ³He p → ⁴He e⁺ ν
        case .pep, .be7, .b8: nil
        }
    }

    /// The lines of an electron-capture component, nil for the continuous ones: pep 1.442 MeV
    /// (100 %); ⁷Be 0.8618 MeV (89.6 %, to the ⁷Li ground state) and 0.3843 MeV (10.4 %, to the
    /// 478 keV level). Bahcall, *Neutrino Astrophysics* (1989); Bahcall, PRD 49, 3923 (1994)
    /// (the ⁷Be line energies). The thermal widths (≈ 1 keV) are neglected.
    public var lines: [NeutrinoLine]? {
        switch self {
        case .pep: [NeutrinoLine(energyMeV: 1.442, branching: 1)]
        case .be7: [NeutrinoLine(energyMeV: 0.8618, branching: 0.896), NeutrinoLine(energyMeV: 0.3843, branching: 0.104)]
        default: nil
        }
    }

    /// The normalized energy spectrum (docs/physics.md §13.2), built once per process:
    /// - pp, ¹³N, ¹⁵O, ¹⁷F, hep: the allowed β⁺ shape (`AllowedBetaShape`, the same kernel as the
    ///   ⁸Li and ⁸B spectra) dN/dE ∝ E² (W₀ − E) p_e F(−Z, W_e), W_e = W₀ − E the positron's total
    ///   energy, W₀ = E₀ + m_e, F the point-charge relativistic Fermi function of the daughter
    ///   (`FermiFunction`, β⁺), on 801 energies from 0 to E₀. This is the construction of Bahcall's
    ///   tables (Bahcall & Ulrich, RMP 60, 297 (1988); Bahcall, PRC 56, 3391 (1997)); their means
    ///   agree to ≤ 6×10⁻⁴ (tested). Recoil-order and radiative corrections are neglected (≲ 10⁻³).
    /// - ⁸B: the measured shape of Winter et al., PRC 73, 025503 (2006) (`Boron8MeasuredSpectrum`).
    /// - pep, ⁷Be: the lines (`lines`).
    public func spectrum() throws -> SolarNeutrinoSpectrum {
        try Self.spectra[self]!.get()
    }

    /// The measured ⁸B spectrum (Winter et al. 2006), central or shifted by its ±1σ shape
    /// uncertainty, normalized; per MeV on the table's 0.1 MeV grid (0–15.3 MeV).
    public static func boron8Spectrum(_ shape: Beryllium8Strength.Shape = .central) throws -> NeutrinoSpectrum {
        let table = Boron8MeasuredSpectrum.self
        let sign: Double = shape == .central ? 0 : (shape == .plusOneSigma ? 1 : -1)
        let weights = zip(table.intensity, table.oneSigmaShift).map { max(0, $0 + sign * $1) }
        return try NeutrinoSpectrum(name: "B8 solar (Winter 2006, \(shape.rawValue))", energies: table.energiesMeV, weights: weights)
    }

    /// The allowed β⁺ neutrino spectrum with endpoint `endpoint` MeV for a daughter (Z, A),
    /// normalized, on `points` energies from 0 to the endpoint.
    static func allowedBetaPlusSpectrum(name: String, endpoint: Double, daughterCharge: Int, massNumber: Int,
                                        points: Int = 801) throws -> NeutrinoSpectrum {
        let shape = AllowedBetaShape(qValueMeV: endpoint,
                                     fermi: FermiFunction(daughterCharge: daughterCharge, massNumber: massNumber, decay: .betaPlus))
        let energies = (0..<points).map { endpoint * Double($0) / Double(points - 1) }
        let weights = energies.map { shape(neutrinoEnergy: $0, excitation: 0) }
        return try NeutrinoSpectrum(name: name, energies: energies, weights: weights)
    }

    private static let spectra: [SolarNeutrinoComponent: Result<SolarNeutrinoSpectrum, any Error>] = {
        var table: [SolarNeutrinoComponent: Result<SolarNeutrinoSpectrum, any Error>] = [:]
        for component in allCases {
            table[component] = Result {
                if let lines = component.lines { return .lines(lines) }
                if component == .b8 { return .continuous(try boron8Spectrum()) }
                let decay = component.allowedDecay!
                return .continuous(try allowedBetaPlusSpectrum(name: "\(component.rawValue) solar (allowed)", endpoint: decay.endpointMeV,
                                                              daughterCharge: decay.daughterCharge, massNumber: decay.massNumber))
            }
        }
        return table
    }()
}
