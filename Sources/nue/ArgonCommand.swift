import ArgumentParser
import Foundation
import Physics
import Simulation
import Studies

struct ArgonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argon",
        abstract: "DUNE-like LAr module at IsoDAR against ⁴²Ar/⁴²K, ³⁹Ar, solar ν and neutron captures: Asimov limits on μν and g after threshold and direction cuts.",
        discussion: """
            Signal: the mission's 250 000 SM ν̄e–e events with T > 0 per 10 kt in 5 years (scaled with --mass-kt), \
            binned in reconstructed T from --threshold to the ⁸Li kinematic end; the cut cos θ_reco > c folded with \
            the direction resolution. Background: ⁴²Ar + bulk ⁴²K decays divided by --depletion, smeared with the same \
            energy resolution, isotropic ((1 − c)/2 pass), normalization constrained by the sideband cos θ < c; plus \
            ³⁹Ar single decays and their pile-up in a readout window and cluster volume, solar ⁸B/hep ν–e recoils \
            (from the Sun's yearly direction through the cut), ν_e–⁴⁰Ar charged current (MARLEY cross section) and \
            ⁴⁰Ar(n, γ) at 6.1 MeV, each with its own constrained normalization (--no-extra-backgrounds: ⁴²Ar/⁴²K only). \
            The per-component budget after the cuts is printed (JSON: models.*.components). \
            --brute-force also streams the decays through the simulator and compares with the fast path. \
            The whole study (scans, required rejection) is a run card: nue run macros/argon.yaml.
            Example: nue argon --depletion 1e4 --direction-resolution 30 --threshold 3 --json
            """)

    @Option(parsing: .unconditional, help: "⁴²Ar rejection R ≥ 1 (underground-argon depletion × other rejection).")
    var depletion: Double = ArgonConfiguration().depletion
    @Option(name: .customLong("direction-resolution"), parsing: .unconditional, help: "Direction resolution σ_θ of the electron, degrees.")
    var directionResolution: Double = ArgonConfiguration().directionResolutionDegrees
    @Option(name: .customLong("energy-resolution"), parsing: .unconditional, help: "σ_E/E = a/√E ⊕ b ⊕ c/E as 'a[,b[,c]]' (default the dune-lar preset 0.45,0.03,0).")
    var energyResolution: String?
    @Option(parsing: .unconditional, help: "Analysis threshold on reconstructed energy, MeV (> 0).")
    var threshold: Double = ArgonConfiguration().thresholdMeV
    @Option(parsing: .unconditional, help: "Bin width in reconstructed T, MeV, in (0, 5] (macros/argon.yaml uses 0.25).")
    var binWidth: Double = ArgonConfiguration().binWidthMeV
    @Option(parsing: .unconditional, help: "Signal normalization uncertainty (pull term), in [0, 1).")
    var normSigma: Double = ArgonConfiguration().normSigma
    @Option(parsing: .unconditional, help: "Confidence level, in (0, 1).")
    var cl: Double = ArgonConfiguration().cl
    @Option(name: .customLong("cos-cut"), parsing: .unconditional, help: "Cut cos θ_reco > C, or 'auto' (best of a grid, per model).")
    var cosCut: String = "auto"
    @Option(parsing: .unconditional, help: "⁴²Ar specific activity, Bq/kg (DUNE default 92e-6; DEAP-3600 40e-6).")
    var activity: Double = ArgonConfiguration().activityBecquerelPerKilogram
    @Option(name: .customLong("bulk-fraction"), parsing: .unconditional, help: "Fraction of ⁴²K decays in the bulk liquid (1 or ~0.2).")
    var bulkFraction: Double = ArgonConfiguration().potassiumBulkFraction
    @Option(name: .customLong("mass-kt"), parsing: .unconditional, help: "Fiducial LAr mass, kt.")
    var massKt: Double = ArgonConfiguration().massKilotonnes
    @Option(name: .customLong("signal-events"), parsing: .unconditional, help: "SM events with T > 0 per 10 kt in the live time.")
    var signalEvents: Double = ArgonConfiguration().signalEventsPer10kt!
    @Option(name: .customLong("source-distance"), parsing: .unconditional, help: "Use the physical IsoDAR exposure (2.6e22 ν̄e/yr, 90 % up-time) with the source this far from the module centre, m, instead of --signal-events.")
    var sourceDistance: Double?
    @Option(help: "Only this model: \(NewPhysicsModel.Kind.allValueStrings.joined(separator: " or ")) (default both).")
    var model: NewPhysicsModel.Kind?
    @Option(name: .customLong("background-sigma"), parsing: .unconditional, help: "Relative background-normalization constraint (default: sideband 1/√N).")
    var backgroundSigma: Double?
    @Flag(name: .customLong("no-extra-backgrounds"), help: "⁴²Ar/⁴²K only (no ³⁹Ar, solar ν, CC, neutron captures).")
    var noExtraBackgrounds = false
    @Option(name: .customLong("ar39-depletion"), parsing: .unconditional, help: "³⁹Ar depletion D ≥ 1 (1: atmospheric 1.01 Bq/kg; underground ≈ 1400).")
    var ar39Depletion: Double = 1
    @Option(name: .customLong("pileup-window-ms"), parsing: .unconditional, help: "³⁹Ar pile-up window, ms (assumed default 2.25).")
    var pileUpWindowMs: Double = ArgonBackgrounds().pileUpWindowMs
    @Option(name: .customLong("cluster-volume-l"), parsing: .unconditional, help: "³⁹Ar pile-up cluster volume, litres (assumed default 1).")
    var clusterVolume: Double = ArgonBackgrounds().clusterVolumeLiters
    @Option(name: .customLong("n-capture-rate"), parsing: .unconditional, help: "Neutron captures on ⁴⁰Ar per kt per day (assumed default 10; 0: none).")
    var neutronCaptureRate: Double = ArgonBackgrounds().neutronCapturesPerKtDay
    @Option(name: .customLong("cc-table"), help: "ν_e–⁴⁰Ar CC cross-section table: E_ν (MeV), σ (cm² per ⁴⁰Ar) (default MARLEY's).")
    var ccTable: String?
    @Option(name: .customLong("cc-offset"), parsing: .unconditional, help: "E_ν − E_vis of CC events, MeV (default 1.504: total absorption).")
    var ccOffset: Double = ArgonBackgrounds().chargedCurrentOffsetMeV
    @Option(help: "Detector and source systematics profiled at each model's cut: none (default), preset (the dune-lar defaults, every σ assumed: docs/physics.md §16.4), or comma-separated NAME[=SIGMA] from \(SystematicSelection.names.map(\.name).joined(separator: ", ")). Adds limit_with_systematics and the limit with each held (systematics_held).")
    var systematics: String = "none"
    @Flag(name: .customLong("brute-force"), help: "Also simulate every decay and compare with the fast path.")
    var bruteForce = false
    @Option(parsing: .unconditional, help: "Decays for --brute-force (default: all decays of the live time, e.g. 2.9e11).")
    var decays: Double?
    @OptionGroup var seedOption: SeedOption
    var seed: UInt64 { seedOption.seed }
    @OptionGroup var threadsOption: ThreadsOption
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    struct ModelOutput: Encodable {
        let parameter: String
        let limit: Double?
        let cos_cut: Double
        let signal_events: Double
        let background_events: Double
        let sideband_events: Double
        let background_sigma: Double?
        let background_events_total: Double
        let components: [Component]
        /// With --systematics: the limit with every nuisance profiled, and with each held at nominal.
        let limit_with_systematics: Double?
        let systematics_held: [String: Double]?
    }

    struct Component: Encodable {
        let name: String
        let events: Double
        let events_before_cut: Double
        let sigma: Double?
        let direction: String
        let rate_assumed: Bool
        let reference: String
    }

    struct Output: Encodable {
        let limit_mu_nu: Double?
        let limit_g: Double?
        let signal_events: Double
        let background_events: Double
        let cos_cut: Double
        let threshold_mev: Double
        let depletion: Double
        let direction_resolution_deg: Double
        let activity_bq_per_kg: Double
        let bulk_fraction: Double
        let mass_kt: Double
        let signal_events_total: Double
        let decays_total: Double
        let cl: Double
        let models: [String: ModelOutput]
        let brute_force: ArgonBruteForceCheck.Report?
        /// The --systematics selection (nil for none).
        let systematics: String?
    }

    func configuration() throws -> ArgonConfiguration {
        var c = ArgonConfiguration()
        c.depletion = depletion
        c.directionResolutionDegrees = directionResolution
        c.thresholdMeV = threshold
        c.binWidthMeV = binWidth
        c.normSigma = normSigma
        c.cl = cl
        if let energyResolution {
            let terms = energyResolution.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...3).contains(terms.count), terms.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }) else {
                throw CommandFailure("--energy-resolution must be 'a[,b[,c]]' with finite terms ≥ 0, got '\(energyResolution)'")
            }
            let v = terms.map { $0! } + [0, 0]
            c.resolution = EnergyResolution(stochastic: v[0], constant: v[1], noiseMeV: v[2])
        }
        if cosCut.lowercased() != "auto" {
            guard let v = Double(cosCut), v.isFinite else {
                throw CommandFailure("--cos-cut must be a number in [−1, 1) or 'auto', got '\(cosCut)'")
            }
            c.cosineCut = v
        }
        c.activityBecquerelPerKilogram = activity
        c.potassiumBulkFraction = bulkFraction
        c.massKilotonnes = massKt
        c.signalEventsPer10kt = signalEvents
        if let sourceDistance {
            c.signalEventsPer10kt = nil
            c.sourceDistanceMeters = sourceDistance
        }
        c.backgroundSigma = backgroundSigma
        if noExtraBackgrounds {
            c.backgrounds = .none
        } else {
            c.backgrounds.argon39Depletion = ar39Depletion
            c.backgrounds.pileUpWindowMs = pileUpWindowMs
            c.backgrounds.clusterVolumeLiters = clusterVolume
            c.backgrounds.neutronCapturesPerKtDay = neutronCaptureRate
            c.backgrounds.crossSectionFile = ccTable
            c.backgrounds.chargedCurrentOffsetMeV = ccOffset
        }
        return c
    }

    func run() throws {
        let config = try configuration()
        let models = model.map { [$0] } ?? NewPhysicsModel.Kind.allCases
        let decayCount = try decays.map { try wholeNumber($0, "--decays", in: 1...Int(ArgonBruteForceCheck.maximumDecays)) }
        let threads = try threadsOption.count()
        let output = try runtime { () throws -> Output in
            let analysis = try ArgonAnalysis()
            try config.validate(kinematicLimitMeV: analysis.kinematicLimitMeV)
            let selection = try SystematicSelection.parse(systematics)
            let nuisances = selection.isNone ? [] : try selection.nuisances(
                detectorPreset: "dune-lar", hasSourceShape: try SourceShapeVariation.lithium8Measured.contains(analysis.spectrum))
            var results: [NewPhysicsModel.Kind: ArgonPointResult] = [:]
            var withSystematics: [NewPhysicsModel.Kind: ArgonSystematicsResult] = [:]
            for m in models {
                let r = try analysis.evaluate(config, model: m)
                results[m] = r
                if !nuisances.isEmpty {
                    withSystematics[m] = try analysis.systematicLimits(config, model: m, cosineCut: r.cosineCut, systematics: nuisances)
                }
            }
            let primary = results[models[0]]!
            var check: ArgonBruteForceCheck.Report?
            if bruteForce {
                let progress = ToyProgress(enabled: isatty(2) != 0 && !json)
                check = try ArgonBruteForceCheck.run(analysis: analysis, config: config, cosineCut: primary.cosineCut,
                                                     decays: decayCount, seed: seed, threads: threads,
                                                     progress: progress.callback)
            }
            var perModel: [String: ModelOutput] = [:]
            for (m, r) in results {
                perModel[m.rawValue] = ModelOutput(parameter: m.parameter.name, limit: finite(r.limit), cos_cut: r.cosineCut,
                                                   signal_events: r.signalEvents, background_events: r.backgroundEvents,
                                                   sideband_events: r.sidebandEvents, background_sigma: finite(r.backgroundSigma),
                                                   background_events_total: r.totalBackgroundEvents,
                                                   components: r.components.map {
                                                       Component(name: $0.name, events: $0.events, events_before_cut: $0.eventsBeforeCut,
                                                                 sigma: finite($0.sigma), direction: $0.direction,
                                                                 rate_assumed: $0.rateIsAssumed, reference: $0.reference)
                                                   },
                                                   limit_with_systematics: withSystematics[m].flatMap { finite($0.limit) },
                                                   systematics_held: withSystematics[m].map { s in
                                                       Dictionary(uniqueKeysWithValues: s.held.map { ($0.name, $0.limit) })
                                                   })
            }
            return Output(limit_mu_nu: results[.magneticMoment].flatMap { finite($0.limit) },
                          limit_g: results[.lightVector].flatMap { finite($0.limit) },
                          signal_events: primary.signalEvents, background_events: primary.backgroundEvents,
                          cos_cut: primary.cosineCut, threshold_mev: config.thresholdMeV, depletion: config.depletion,
                          direction_resolution_deg: config.directionResolutionDegrees,
                          activity_bq_per_kg: config.activityBecquerelPerKilogram, bulk_fraction: config.potassiumBulkFraction,
                          mass_kt: config.massKilotonnes, signal_events_total: try analysis.totalSignalEvents(config),
                          decays_total: config.chain.totalDecays, cl: config.cl, models: perModel, brute_force: check,
                          systematics: nuisances.isEmpty ? nil : selection.label)
        }
        if json { try printJSON(output) } else {
            print("DUNE-like LAr, \(output.mass_kt) kt, T_reco > \(output.threshold_mev) MeV, σ_θ = \(output.direction_resolution_deg)°, rejection \(output.depletion)")
            print("decays in the live time (⁴²Ar + bulk ⁴²K, after rejection): \(output.decays_total)")
            for m in models {
                guard let r = output.models[m.rawValue] else { continue }
                print("\(m.rawValue): \(r.parameter) < \(r.limit.map { "\($0)" } ?? "n/a") (\(Int(config.cl * 100)) % CL)  cos θ > \(r.cos_cut)  signal \(r.signal_events)  background \(r.background_events_total)")
                if let label = output.systematics {
                    let held = (r.systematics_held ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \(format($0.value))" }.joined(separator: ", ")
                    print("  with systematics (\(label)): \(r.parameter) < \(r.limit_with_systematics.map { "\($0)" } ?? "n/a"); each held: \(held)")
                }
                let width = max(11, r.components.map(\.name.count).max() ?? 0)
                print("  " + "component".padding(toLength: width, withPad: " ", startingAt: 0) + "  after cut   before cut  σ          direction     reference")
                for c in r.components {
                    print("  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                          + format(c.events).padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                          + format(c.events_before_cut).padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                          + (c.sigma.map { format($0) } ?? "free").padding(toLength: 9, withPad: " ", startingAt: 0) + "  "
                          + c.direction.padding(toLength: 12, withPad: " ", startingAt: 0) + "  "
                          + (c.rate_assumed ? "[assumed] " : "") + c.reference)
                }
            }
            if let b = output.brute_force {
                print("brute force: \(b.decays) decays, \(b.decays_per_second) decays/s on \(b.threads) threads; χ² = \(b.chi2)/\(b.ndf), p = \(b.p_value)")
            }
        }
    }

    private func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
