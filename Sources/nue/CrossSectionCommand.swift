import ArgumentParser
import Physics

struct CrossSectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xsec",
        abstract: "One ν–e cross-section value: dσ/dT at (E, T) and σ integrated over T.",
        discussion: """
            For new-physics models the values are the full cross section, SM included.
            Example: nue xsec --model magnetic-moment --mu-nu 1e-11 --enu 8 --t 4 --json
            """)

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case sm
        case magneticMoment = "magnetic-moment"
        case lightVector = "light-vector"
    }

    @Option(help: "Cross-section model: \(Model.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: Model = .sm
    @Option(help: "Neutrino energy E, MeV.")
    var enu: Double
    @Option(help: "Electron recoil kinetic energy T, MeV (0 < T ≤ T_max(E)).")
    var t: Double
    @Option(help: "Lower end of the T range for sigma_total_cm2, MeV (the magnetic-moment and massless-Z′ totals diverge at 0).")
    var tMin: Double = 0
    @Option(help: "Neutrino flavor: \(NeutrinoFlavor.allCases.map(\.rawValue).joined(separator: ", ")).")
    var flavor: String = NeutrinoFlavor.electronAntineutrino.rawValue
    @Option(help: "Magnetic moment κ = μν/μ_B.")
    var muNu: Double = 0
    @Option(help: "Universal Z′ coupling g (g_ν = g_e = g).")
    var g: Double = 0
    @Option(help: "Z′ mass M, MeV.")
    var mediatorMass: Double = 0
    @Option(help: "Weak mixing angle sin²θ_W (default: low-Q² MS-bar 0.23867).")
    var sin2w: Double = ElectroweakCouplings.defaultSin2ThetaW
    @Flag(help: "Light vector: keep only the pure Z′ term (the no-interference approximation).")
    var noInterference = false
    @Flag(help: "Print one JSON object.")
    var json = false

    struct Output: Encodable {
        let model: String
        let enu_mev: Double
        let t_mev: Double
        let t_max_mev: Double
        let dsigma_dt_cm2_per_mev: Double
        let sigma_total_cm2: Double
        let sigma_t_min_mev: Double
    }

    func validate() throws {
        try requireFinite(enu, "--enu"); try requireFinite(t, "--t"); try requireFinite(tMin, "--t-min")
        try requireFinite(muNu, "--mu-nu"); try requireFinite(g, "--g"); try requireFinite(mediatorMass, "--mediator-mass")
        try requireFinite(sin2w, "--sin2w")
        guard NeutrinoFlavor(rawValue: flavor) != nil else {
            throw ValidationError("unknown flavor '\(flavor)'; choose one of \(NeutrinoFlavor.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard sin2w > 0, sin2w < 1 else { throw ValidationError("--sin2w must lie in (0, 1), got \(sin2w)") }
        guard mediatorMass >= 0 else { throw ValidationError("--mediator-mass must be ≥ 0 MeV, got \(mediatorMass)") }
        guard tMin >= 0 else { throw ValidationError("--t-min must be ≥ 0 MeV, got \(tMin)") }
        do { try PhysicsInputError.checkPoint(neutrinoEnergy: enu, recoil: t) } catch { throw ValidationError(error.description) }
        if model == .sm && (muNu != 0 || g != 0) {
            throw ValidationError("--mu-nu and --g need --model magnetic-moment or light-vector")
        }
    }

    func run() throws {
        let sm = StandardModelCrossSection(flavor: NeutrinoFlavor(rawValue: flavor)!, sin2ThetaW: sin2w)
        let xs: any CrossSection
        switch model {
        case .sm: xs = sm
        case .magneticMoment: xs = CrossSectionSum([sm, MagneticMomentCrossSection(kappa: muNu)])
        case .lightVector:
            xs = CrossSectionSum([sm, LightVectorCrossSection(
                universalCoupling: g, mediatorMass: mediatorMass, flavor: sm.couplings.flavor, sin2ThetaW: sin2w,
                interference: noInterference ? .pureZPrimeOnly : .exact)])
        }
        let tMax = Kinematics.maxRecoil(neutrinoEnergy: enu)
        let total: Double
        do { total = try xs.integrated(neutrinoEnergy: enu, recoilFrom: tMin, to: tMax) } catch {
            throw ValidationError("σ over T ∈ [\(tMin), \(tMax)] MeV: \(error); give a positive --t-min")
        }
        let out = Output(model: xs.label, enu_mev: enu, t_mev: t, t_max_mev: tMax,
                         dsigma_dt_cm2_per_mev: xs.differential(neutrinoEnergy: enu, recoil: t),
                         sigma_total_cm2: total, sigma_t_min_mev: tMin)
        if json { try printJSON(out) } else {
            print("model            \(out.model)")
            print("E                \(enu) MeV   (T_max = \(tMax) MeV)")
            print("dσ/dT at T=\(t)   \(out.dsigma_dt_cm2_per_mev) cm²/MeV")
            print("σ(T > \(tMin))     \(out.sigma_total_cm2) cm²")
        }
    }
}

/// Rejects NaN and infinities with the option's name.
func requireFinite(_ value: Double, _ name: String) throws {
    guard value.isFinite else { throw ValidationError("\(name) must be a finite number, got \(value)") }
}
