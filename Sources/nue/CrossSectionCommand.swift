import ArgumentParser
import Physics
import Studies

struct CrossSectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xsec",
        abstract: "One ν–e cross-section value: dσ/dT at (E, T) and σ integrated over T.",
        discussion: """
            For new-physics models the values are the full cross section, SM included.
            Example: nue xsec --model magnetic-moment --mu-nu 1e-11 --enu 8 --t 4 --json
            """)

    /// `sm`, or a new-physics model added to the SM.
    struct ModelChoice: ExpressibleByArgument, Equatable {
        /// nil: the SM alone.
        let newPhysics: NewPhysicsModel.Kind?

        init?(argument: String) {
            if argument == "sm" { newPhysics = nil; return }
            guard let kind = NewPhysicsModel.Kind(rawValue: argument) else { return nil }
            newPhysics = kind
        }

        static let sm = ModelChoice(argument: "sm")!
        static var allValueStrings: [String] { ["sm"] + NewPhysicsModel.Kind.allValueStrings }
        var defaultValueDescription: String { newPhysics?.rawValue ?? "sm" }
    }

    @Option(help: "Cross-section model: \(ModelChoice.allValueStrings.joined(separator: ", ")).")
    var model: ModelChoice = .sm
    @Option(parsing: .unconditional, help: "Neutrino energy E, MeV (> 0).")
    var enu: Double
    @Option(parsing: .unconditional, help: "Electron recoil kinetic energy T, MeV (0 < T ≤ T_max(E)).")
    var t: Double
    @Option(parsing: .unconditional,
            help: "Lower end of the T range for sigma_total_cm2, MeV (the magnetic-moment and massless-Z′ totals diverge at 0).")
    var tMin: Double = 0
    @Option(help: "Neutrino flavor: \(NeutrinoFlavor.allValueStrings.joined(separator: ", ")).")
    var flavor: NeutrinoFlavor = .electronAntineutrino
    @Option(parsing: .unconditional, help: "Magnetic moment κ = μν/μ_B.")
    var muNu: Double = 0
    @Option(parsing: .unconditional, help: "Universal Z′ coupling g (g_ν = g_e = g).")
    var g: Double = 0
    @Option(parsing: .unconditional, help: "Z′ mass M, MeV (≥ 0).")
    var mediatorMass: Double = 0
    @Option(parsing: .unconditional,
            help: "Weak mixing angle, in (0, 1): the low-Q² value at tree level (default 0.23867); with --radiative-corrections sin²θ̂_W(M_Z) in MS-bar (default 0.23122).")
    var sin2w: Double?
    @Flag(help: "Apply the one-loop electroweak and QED corrections of Bahcall, Kamionkowski & Sirlin (1995) to the SM (electron-energy spectrum).")
    var radiativeCorrections = false
    var sin2ThetaW: Double { sin2w ?? ElectroweakCouplings.defaultSin2ThetaW(radiativeCorrections: radiativeCorrections) }
    @Flag(help: "Light vector: keep only the pure Z′ term (the no-interference approximation).")
    var noInterference = false
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    struct Output: Encodable {
        let model: String
        let enu_mev: Double
        let t_mev: Double
        let t_max_mev: Double
        let dsigma_dt_cm2_per_mev: Double
        /// σ over [t_min, T_max]; null when it diverges (`sigma_total_note` says why).
        let sigma_total_cm2: Double?
        let sigma_t_min_mev: Double
        let sigma_total_note: String?

        /// Every key present: a diverging total is `null`, not missing.
        func encode(to encoder: Encoder) throws {
            enum Key: String, CodingKey {
                case model, enu_mev, t_mev, t_max_mev, dsigma_dt_cm2_per_mev, sigma_total_cm2, sigma_t_min_mev, sigma_total_note
            }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(model, forKey: .model)
            try c.encode(enu_mev, forKey: .enu_mev)
            try c.encode(t_mev, forKey: .t_mev)
            try c.encode(t_max_mev, forKey: .t_max_mev)
            try c.encode(dsigma_dt_cm2_per_mev, forKey: .dsigma_dt_cm2_per_mev)
            try c.encode(sigma_total_cm2, forKey: .sigma_total_cm2)
            try c.encode(sigma_t_min_mev, forKey: .sigma_t_min_mev)
            try c.encode(sigma_total_note, forKey: .sigma_total_note)
        }
    }

    func validate() throws {
        try requireFinite(enu, "--enu"); try requireFinite(t, "--t"); try requireFinite(tMin, "--t-min")
        try requireFinite(muNu, "--mu-nu"); try requireFinite(g, "--g"); try requireFinite(mediatorMass, "--mediator-mass")
        do {
            _ = try ScenarioSetting.sin2ThetaW.validate(sin2ThetaW)
            _ = try ScenarioSetting.mediatorMassMeV.validate(mediatorMass)
        } catch { throw CommandFailure(error) }
        guard tMin >= 0 else { throw CommandFailure("--t-min must be ≥ 0 MeV, got \(tMin)") }
        do { try PhysicsInputError.checkPoint(neutrinoEnergy: enu, recoil: t) } catch { throw CommandFailure(error) }
        guard tMin < Kinematics.maxRecoil(neutrinoEnergy: enu) else {
            throw CommandFailure("--t-min \(tMin) MeV must lie below T_max = \(Kinematics.maxRecoil(neutrinoEnergy: enu)) MeV")
        }
        if model == .sm && (muNu != 0 || g != 0) {
            throw CommandFailure("--mu-nu and --g need --model magnetic-moment or light-vector")
        }
    }

    func run() throws {
        let sm = StandardModelCrossSection(flavor: flavor, sin2ThetaW: sin2ThetaW, radiativeCorrections: radiativeCorrections)
        let xs: any CrossSection
        switch model.newPhysics {
        case nil: xs = sm
        case .magneticMoment: xs = CrossSectionSum([sm, MagneticMomentCrossSection(kappa: muNu)])
        case .lightVector:
            xs = CrossSectionSum([sm, LightVectorCrossSection(
                universalCoupling: g, mediatorMass: mediatorMass, flavor: sm.couplings.flavor, sin2ThetaW: sin2ThetaW,
                interference: noInterference ? .pureZPrimeOnly : .exact, radiativeCorrections: radiativeCorrections)])
        }
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: enu)
        // dσ/dT is always defined for 0 < T ≤ T_max; σ over [0, T_max] diverges for the magnetic
        // moment (1/T) and the massless Z′ (1/T²): then the total is null with the reason.
        var total: Double?, note: String?
        do { total = try xs.integrated(neutrinoEnergy: enu, recoilFrom: tMin, to: tMax) } catch {
            note = "σ over T ∈ [\(tMin), \(tMax)] MeV diverges or cannot be integrated (\(error)); give a positive --t-min"
        }
        let out = Output(model: xs.label, enu_mev: enu, t_mev: t, t_max_mev: tMax,
                         dsigma_dt_cm2_per_mev: xs.differential(neutrinoEnergy: enu, recoil: t),
                         sigma_total_cm2: total, sigma_t_min_mev: tMin, sigma_total_note: note)
        if json { try printJSON(out) } else {
            print("model            \(out.model)")
            print("E                \(enu) MeV   (T_max = \(tMax) MeV)")
            print("dσ/dT at T=\(t)   \(out.dsigma_dt_cm2_per_mev) cm²/MeV")
            print("σ(T > \(tMin))     \(out.sigma_total_cm2.map { "\($0) cm²" } ?? "n/a: \(note ?? "")")")
        }
    }
}

/// Rejects NaN and infinities with the option's name (bad input: exit 1, one line).
func requireFinite(_ value: Double, _ name: String) throws {
    guard value.isFinite else { throw CommandFailure("\(name) must be a finite number, got \(value)") }
}
extension NeutrinoFlavor: ExpressibleByArgument {}
