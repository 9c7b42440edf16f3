import Dispatch
import Foundation
import Parallel
import Physics
import Simulation

/// The argon study (mission: "DUNE-like argon"; issue 6): Asimov limits on μν and g (M = 0)
/// versus the ⁴²Ar rejection R (depletion × other rejection), the direction resolution and the
/// threshold, each point with the cut cos θ_reco > c optimized per model on
/// `ArgonConfiguration.cosineCutGrid` (unless the configuration fixes c), and the least rejection
/// at which the module matches each reference detector (`ArgonAnalysis.requiredRejection`).
public struct ArgonStudy: Sendable {
    public var base: ArgonConfiguration
    public var models: [NewPhysicsModel.Kind]
    public var references: [ArgonReference]
    public var scans: RunCard.ArgonScans
    /// The ν̄e source spectrum (nil: the default ⁸Li model).
    public var spectrum: NeutrinoSpectrum?

    public init(base: ArgonConfiguration, models: [NewPhysicsModel.Kind], references: [ArgonReference], scans: RunCard.ArgonScans = .init(),
                spectrum: NeutrinoSpectrum? = nil) {
        self.base = base
        self.models = models
        self.references = references
        self.scans = scans
        self.spectrum = spectrum
    }

    /// One row of the required-rejection table.
    public struct RejectionRow: Sendable, Equatable {
        public var thresholdMeV: Double
        public var reference: String
        public var model: NewPhysicsModel.Kind
        public var referenceLimit: Double
        /// Least R matching the reference; nil if unreachable by rejection alone.
        public var requiredRejection: Double?
        /// Limit with no rejection (R = 1), cut optimized.
        public var limitWithoutRejection: Double
        /// Limit without background (R = 10¹⁴).
        public var backgroundFreeLimit: Double
        /// Why the row could not be computed (its numbers are then NaN); nil when it was.
        public var failure: String?
    }

    /// What the study found.
    public struct Result: Sendable {
        /// Per model, at the base configuration.
        public var base: [ArgonPointResult]
        /// Scan name (`depletion`, `direction_resolution_deg`, `energy_resolution_a`, `threshold_mev`) → model → curves.
        public var scans: [String: [NewPhysicsModel.Kind: [PlotCurve]]]
        /// Reference name → model → limit.
        public var referenceLimits: [String: [NewPhysicsModel.Kind: Double]]
        public var rejections: [RejectionRow]
        /// The lowest bin edge (MeV) above which fewer than one ⁴²Ar/⁴²K event remains at the base
        /// point (first model's cut): where the recoil spectrum becomes background-free.
        public var backgroundFreeAboveMeV: Double?
        /// The limits with ⁴²Ar/⁴²K plus one other background at a time, and with all (base point).
        public var impact: [ImpactRow] = []
        /// Events per component above each threshold of `budgetThresholds` (base point otherwise).
        public var budget: [BudgetRow] = []
        /// The answer to the mission's question, with numbers (Markdown paragraph).
        public var conclusion: String
    }

    /// The base point's limit with a subset of the backgrounds.
    public struct ImpactRow: Sendable, Equatable {
        /// `Ar42+K42 only`, `+ Ar39 (singles and pile-up)`, …, `all`, `all but n-capture`.
        public var label: String
        public var limits: [NewPhysicsModel.Kind: Double]
    }

    /// One component's events at one threshold: before the direction cut, and after the cut of
    /// the base point (first model).
    public struct BudgetRow: Sendable, Equatable {
        public var thresholdMeV: Double
        public var component: String
        public var eventsBeforeCut: Double
        public var eventsAfterCut: Double
    }

    /// Thresholds of the budget table, MeV.
    public static let budgetThresholds: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5]

    /// Runs the study; models run concurrently on up to `threads` workers (one `ArgonAnalysis` each).
    /// - Parameter progress: (steps done, total steps), from any thread.
    public func run(threads: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        let spectrum = try self.spectrum ?? Lithium8Spectrum.make()
        let probe = try ArgonAnalysis(spectrum: spectrum)
        do { try base.validate(kinematicLimitMeV: probe.kinematicLimitMeV) }
        for t in scans.thresholdsMeV + scans.curveThresholdsMeV {
            var c = base
            c.thresholdMeV = t
            try c.validate(kinematicLimitMeV: probe.kinematicLimitMeV)
        }
        var referenceLimits: [String: [NewPhysicsModel.Kind: Double]] = [:]
        for r in references {
            for m in models { referenceLimits[r.name, default: [:]][m] = try r.limit(model: m, confidenceLevel: base.cl) }
        }
        let limits = referenceLimits
        let steps = Steps(total: models.count * stepsPerModel, progress: progress)
        let perModel = Parallel.map(models.count, threads: threads) { i in
            Swift.Result<ModelOutcome, Error> {
                try self.runModel(self.models[i], spectrum: spectrum, referenceLimits: limits, steps: steps)
            }
        }
        var outcome = Result(base: [], scans: [:], referenceLimits: referenceLimits, rejections: [], conclusion: "")
        for (i, m) in models.enumerated() {
            let o = try perModel[i].get()
            outcome.base.append(o.base)
            for (scan, curves) in o.scans { outcome.scans[scan, default: [:]][m] = curves }
            outcome.rejections += o.rejections
        }
        outcome.rejections.sort { ($0.thresholdMeV, $0.reference, $0.model.rawValue) < ($1.thresholdMeV, $1.reference, $1.model.rawValue) }
        if let first = outcome.base.first {
            let binning = try probe.signalTemplates(base, cosineCut: first.cosineCut).binning
            let pass = IsotropicDirection.fractionPassing(cosineCut: first.cosineCut)
            let background = try probe.backgroundCounts(base, binning: binning).map { $0 * pass }
            var above = 0.0
            for i in stride(from: background.count - 1, through: 0, by: -1) {
                above += background[i]
                if above >= 1 { outcome.backgroundFreeAboveMeV = binning.edges[i + 1]; break }
            }
        }
        try addImpactAndBudget(&outcome, analysis: probe)
        steps.finish()
        outcome.conclusion = conclusion(outcome)
        return outcome
    }

    var stepsPerModel: Int {
        1 + scans.depletion.values.count * (scans.curveThresholdsMeV.count + 1)
            + scans.directionResolutionDeg.count * scans.curveDepletions.count
            + scans.energyResolutionStochastic.count * scans.curveDepletions.count
            + scans.thresholdsMeV.count * (scans.curveDepletions.count + 1)
            + rejectionThresholds.count * references.count
            + scans.neutronCapturePerKtDay.count * scans.curveDepletions.count
    }

    /// The subsets of the impact table: (label, backgrounds).
    var impactSubsets: [(String, ArgonBackgrounds)] {
        let all = base.backgrounds
        var subsets: [(String, ArgonBackgrounds)] = [("Ar42+K42 only", .none)]
        var b = ArgonBackgrounds.none
        b.argon39 = all.argon39; b.argon39Activity = all.argon39Activity; b.argon39Depletion = all.argon39Depletion
        b.pileUpWindowMs = all.pileUpWindowMs; b.clusterVolumeLiters = all.clusterVolumeLiters
        if all.argon39 { subsets.append(("+ Ar39 (singles and pile-up)", b)) }
        b = .none
        b.solar = all.solar; b.latitudeDegrees = all.latitudeDegrees; b.axisAzimuthDegrees = all.axisAzimuthDegrees
        if all.solar { subsets.append(("+ solar nu-e (8B, hep)", b)) }
        b = .none
        b.chargedCurrent = all.chargedCurrent; b.crossSectionFile = all.crossSectionFile
        b.chargedCurrentOffsetMeV = all.chargedCurrentOffsetMeV; b.chargedCurrentSigma = all.chargedCurrentSigma
        if all.chargedCurrent { subsets.append(("+ nu_e-40Ar CC", b)) }
        b = .none
        b.neutronCapturesPerKtDay = all.neutronCapturesPerKtDay; b.neutronCaptureContainment = all.neutronCaptureContainment
        b.neutronCaptureSigma = all.neutronCaptureSigma
        if all.neutronCapturesPerKtDay > 0 { subsets.append(("+ n-capture", b)) }
        var noCapture = all
        noCapture.neutronCapturesPerKtDay = 0
        if all.neutronCapturesPerKtDay > 0 { subsets.append(("all but n-capture", noCapture)) }
        subsets.append(("all", all))
        return subsets
    }

    /// The impact rows and the budget table (sequential, on `analysis`).
    func addImpactAndBudget(_ outcome: inout Result, analysis: ArgonAnalysis) throws {
        for (label, backgrounds) in impactSubsets {
            var c = base
            c.backgrounds = backgrounds
            var limits: [NewPhysicsModel.Kind: Double] = [:]
            for m in models { limits[m] = try analysis.evaluate(c, model: m).limit }
            outcome.impact.append(ImpactRow(label: label, limits: limits))
        }
        guard let first = outcome.base.first else { return }
        for t in Self.budgetThresholds where t < analysis.kinematicLimitMeV {
            var c = base
            c.thresholdMeV = t
            let all = try analysis.allBackgrounds(c, cosineCut: first.cosineCut)
            for template in all.templates {
                outcome.budget.append(BudgetRow(thresholdMeV: t, component: template.name, eventsBeforeCut: template.uncut.reduce(0, +),
                                                eventsAfterCut: template.cut.reduce(0, +)))
            }
            let signal = try analysis.signalTemplates(c, cosineCut: first.cosineCut).standardModel.reduce(0, +)
            let uncut = try analysis.signalTemplates(c, cosineCut: -1).standardModel.reduce(0, +)
            outcome.budget.append(BudgetRow(thresholdMeV: t, component: "signal (SM)", eventsBeforeCut: uncut, eventsAfterCut: signal))
        }
    }

    /// Thresholds of the required-rejection table: the threshold scan's whole-MeV points and the base.
    var rejectionThresholds: [Double] {
        Array(Set(scans.thresholdsMeV.filter { $0 == $0.rounded() } + [base.thresholdMeV])).sorted()
    }

    struct ModelOutcome {
        var base: ArgonPointResult
        var scans: [String: [PlotCurve]]
        var rejections: [RejectionRow]
    }

    func runModel(_ model: NewPhysicsModel.Kind, spectrum: NeutrinoSpectrum, referenceLimits: [String: [NewPhysicsModel.Kind: Double]],
                  steps: Steps) throws -> ModelOutcome {
        let analysis = try ArgonAnalysis(spectrum: spectrum)
        func limit(_ c: ArgonConfiguration) throws -> Double {
            defer { steps.advance() }
            return try analysis.evaluate(c, model: model).limit
        }
        let baseResult = try analysis.evaluate(base, model: model)
        steps.advance()
        var scans: [String: [PlotCurve]] = [:]
        let lowest = self.scans.curveThresholdsMeV.min() ?? base.thresholdMeV

        // Limit vs rejection, per curve threshold (cut optimized), and without a direction cut.
        let rejections = self.scans.depletion.values
        var curves: [PlotCurve] = []
        for t in self.scans.curveThresholdsMeV {
            var c = base
            c.thresholdMeV = t
            curves.append(PlotCurve(name: "T>\(Self.label(t)) MeV, cos cut optimized", x: rejections, y: try rejections.map { r in
                c.depletion = r
                return try limit(c)
            }))
        }
        var noCut = base
        noCut.thresholdMeV = lowest
        noCut.cosineCut = -1
        curves.append(PlotCurve(name: "T>\(Self.label(lowest)) MeV, no direction cut", x: rejections, y: try rejections.map { r in
            noCut.depletion = r
            return try limit(noCut)
        }))
        scans["depletion"] = curves + referenceCurves(model, x: rejections, referenceLimits)

        /// One curve per curve rejection R of the limit vs x at threshold `t`, `set` applying x.
        func curvesPerRejection(_ xs: [Double], threshold t: Double,
                                _ set: (inout ArgonConfiguration, Double) -> Void) throws -> [PlotCurve] {
            try self.scans.curveDepletions.map { r in
                var c = base
                c.thresholdMeV = t
                c.depletion = r
                return PlotCurve(name: "T>\(Self.label(t)) MeV, R=\(Self.label(r))", x: xs, y: try xs.map { x in
                    set(&c, x)
                    return try limit(c)
                })
            }
        }

        // Limit vs direction resolution at the lowest curve threshold, per curve rejection.
        let resolutions = self.scans.directionResolutionDeg
        scans["direction_resolution_deg"] = try curvesPerRejection(resolutions, threshold: lowest) { $0.directionResolutionDegrees = $1 }
            + referenceCurves(model, x: resolutions, referenceLimits)

        // Limit vs the stochastic term of the energy resolution at the base threshold, per curve
        // rejection: the background-free edge above the ⁴²K endpoint moves with the Gaussian tail.
        let stochastic = self.scans.energyResolutionStochastic
        scans["energy_resolution_a"] = try curvesPerRejection(stochastic, threshold: base.thresholdMeV) {
            $0.resolution = EnergyResolution(stochastic: $1, constant: base.resolution.constant, noiseMeV: base.resolution.noiseMeV)
        } + referenceCurves(model, x: stochastic, referenceLimits)

        // Limit vs threshold per curve rejection, and background-free.
        let thresholds = self.scans.thresholdsMeV
        curves = try (self.scans.curveDepletions + [1e14]).map { r in
            var c = base
            c.depletion = r
            let name = r >= 1e14 ? "no background" : "R=\(Self.label(r))"
            return PlotCurve(name: name, x: thresholds, y: try thresholds.map { t in
                c.thresholdMeV = t
                return try limit(c)
            })
        }
        scans["threshold_mev"] = curves + referenceCurves(model, x: thresholds, referenceLimits)

        // Limit vs the neutron-capture rate (an assumption) at the base threshold, per curve rejection.
        let captureRates = self.scans.neutronCapturePerKtDay
        if !captureRates.isEmpty {
            scans["n_capture"] = try curvesPerRejection(captureRates, threshold: base.thresholdMeV) {
                $0.backgrounds.neutronCapturesPerKtDay = $1
            } + referenceCurves(model, x: captureRates, referenceLimits)
        }

        // Required rejection per threshold and reference; a row that fails is kept with its message.
        var rows: [RejectionRow] = []
        for t in rejectionThresholds {
            var c = base
            c.thresholdMeV = t
            c.depletion = 1
            let atOne = Swift.Result { try analysis.evaluate(c, model: model).limit }
            for r in references {
                guard let target = referenceLimits[r.name]?[model] else { continue }
                var row = RejectionRow(thresholdMeV: t, reference: r.name, model: model, referenceLimit: target,
                                       requiredRejection: nil, limitWithoutRejection: .nan, backgroundFreeLimit: .nan)
                do {
                    row.limitWithoutRejection = try atOne.get()
                    let found = try analysis.requiredRejection(c, model: model, target: target)
                    row.requiredRejection = found.rejection
                    row.backgroundFreeLimit = found.atMaximum.limit
                } catch {
                    row.failure = "\(error)".replacingOccurrences(of: "\n", with: " ")
                }
                rows.append(row)
                steps.advance()
            }
        }
        return ModelOutcome(base: baseResult, scans: scans, rejections: rows)
    }

    /// Flat lines at each reference's limit over the scan's x range (drawn for comparison).
    func referenceCurves(_ model: NewPhysicsModel.Kind, x: [Double], _ limits: [String: [NewPhysicsModel.Kind: Double]]) -> [PlotCurve] {
        guard let lo = x.min(), let hi = x.max() else { return [] }
        return references.compactMap { r in
            limits[r.name]?[model].map { PlotCurve(name: r.name, x: [lo, hi], y: [$0, $0]) }
        }
    }

    /// 1e+06 → "1e6", 3.0 → "3", 1.5 → "1.5".
    static func label(_ x: Double) -> String {
        if x >= 1e4 { return "1e\(Int(log10(x).rounded()))" }
        return x == x.rounded() ? "\(Int(x))" : "\(x)"
    }

    /// Thread-safe step counter for progress.
    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        let total: Int
        let progress: (@Sendable (Int, Int) -> Void)?
        init(total: Int, progress: (@Sendable (Int, Int) -> Void)?) { self.total = total; self.progress = progress }
        func finish() { progress?(total, total) }
        func advance() {
            lock.lock()
            done += 1
            let d = done
            lock.unlock()
            progress?(min(d, total), total)
        }
    }
}
