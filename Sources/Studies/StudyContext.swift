import Foundation
import GSL
import Parallel
import Physics
import Simulation
import Statistics

/// What the analyses of one run share: the card, the source spectrum, worker threads, the
/// progress sink and a thread-safe cache of templates per (scenario, M, threshold, sin²θ_W).
final class StudyContext: @unchecked Sendable {
    let card: RunCard
    let spectrum: NeutrinoSpectrum
    /// Where the card's relative paths (user background spectra) start.
    let cardDirectory: String
    /// Workers for toys and for independent template builds (results do not depend on it).
    let threads: Int
    private let progressSink: (@Sendable (String) -> Void)?

    private struct Key: Hashable {
        var scenario: Int
        var mass: Double
        var threshold: Double?
        var sin2w: Double?
    }

    private let lock = NSLock()
    private var cache: [Key: TemplateSet] = [:]
    private var backgroundCache: [Key: ScenarioBackgrounds] = [:]
    private var systematicCache: [Key: SystematicTemplates] = [:]

    init(card: RunCard, spectrum: NeutrinoSpectrum, threads: Int, progress: (@Sendable (String) -> Void)?,
         cardDirectory: String = ".") {
        self.card = card
        self.spectrum = spectrum
        self.cardDirectory = cardDirectory
        self.threads = max(1, threads)
        self.progressSink = progress
    }

    /// One short progress line (stderr in the CLI).
    func progress(_ line: String) { progressSink?(line) }

    /// The statistics the card asks for.
    var statistics: [TestStatistic] { card.testStatistics }

    /// Templates (exact interference; `ModelFit` drops the interference term for `none`) of
    /// scenario `index` at mediator mass `mass`, optionally at another threshold or sin²θ_W.
    /// The normalization is the scenario's own (N events above the given threshold, or the
    /// exposure); see `templatesAtFixedExposure` for scans.
    func templates(_ index: Int, mass: Double = 0, threshold: Double? = nil, sin2w: Double? = nil) throws -> TemplateSet {
        let key = Key(scenario: index, mass: mass, threshold: threshold, sin2w: sin2w)
        lock.lock()
        if let cached = cache[key] { lock.unlock(); return cached }
        lock.unlock()
        let scenario = try card.studyScenario(card.scenarios[index], spectrum: spectrum,
                                              model: try NewPhysicsModel(kind: .lightVector, mediatorMassMeV: mass),
                                              thresholdMeV: threshold, sin2ThetaW: sin2w)
        let built = try scenario.templates()
        lock.lock()
        cache[key] = built
        lock.unlock()
        return built
    }

    /// The background templates of scenario `index` (its `backgrounds`, or the card's) and the
    /// exposure they scale with, optionally at another threshold: the exposure is always the
    /// scenario's own (its physical exposure, or the one its N SM events imply at its own
    /// threshold; docs/physics.md §8.6), like `templatesAtFixedExposure`. Cached.
    func backgrounds(_ index: Int, threshold: Double? = nil) throws -> ScenarioBackgrounds {
        let key = Key(scenario: index, mass: 0, threshold: threshold, sin2w: nil)
        lock.lock()
        if let cached = backgroundCache[key] { lock.unlock(); return cached }
        lock.unlock()
        let model = NewPhysicsModel.magneticMoment
        let own = try card.studyScenario(card.scenarios[index], spectrum: spectrum, model: model, cardDirectory: cardDirectory)
        let exposure = own.backgroundExposure(templates: try templates(index))
        let atThreshold = threshold == nil ? own
            : try card.studyScenario(card.scenarios[index], spectrum: spectrum, model: model, thresholdMeV: threshold,
                                     cardDirectory: cardDirectory)
        let built = ScenarioBackgrounds(
            label: own.backgroundLabel, exposure: exposure,
            templates: own.backgrounds.isEmpty ? [] : try atThreshold.simulation.backgroundTemplates(own.backgrounds, exposure: exposure))
        lock.lock()
        backgroundCache[key] = built
        lock.unlock()
        return built
    }

    /// The templates of scenario `index` at mediator mass `mass` refolded at each of its
    /// systematics' ±1σ (`SystematicTemplates`; one set serves every model and statistic of the
    /// scenario, docs/physics.md §16.2), nil when it has none; at another `threshold` or sin²θ_W
    /// with the scenario's exposure kept (`templatesAtFixedExposure`). Cached.
    func systematicTemplates(_ index: Int, mass: Double = 0, threshold: Double? = nil,
                             sin2w: Double? = nil) throws -> SystematicTemplates? {
        let key = Key(scenario: index, mass: mass, threshold: threshold, sin2w: sin2w)
        lock.lock()
        if let cached = systematicCache[key] { lock.unlock(); return cached }
        lock.unlock()
        let study = try card.studyScenario(card.scenarios[index], spectrum: spectrum,
                                           model: try NewPhysicsModel(kind: .lightVector, mediatorMassMeV: mass), thresholdMeV: threshold,
                                           sin2ThetaW: sin2w, cardDirectory: cardDirectory)
        guard !study.systematics.isEmpty else { return nil }
        let built = try SystematicTemplates.build(nominal: try templatesAtFixedExposure(index, mass: mass, threshold: threshold, sin2w: sin2w),
                                                  scenario: study.simulation, backgrounds: study.backgrounds,
                                                  exposure: try backgrounds(index).exposure, nuisances: study.systematics)
        lock.lock()
        systematicCache[key] = built
        lock.unlock()
        return built
    }

    /// Templates at another threshold or sin²θ_W with the scenario's exposure kept: an
    /// `events: N` scenario fixes the exposure at its own threshold and the card's sin²θ_W, so
    /// the templates are rescaled by F_own/F (F = events per cm² of cross section).
    func templatesAtFixedExposure(_ index: Int, mass: Double = 0, threshold: Double? = nil,
                                  sin2w: Double? = nil) throws -> TemplateSet {
        let other = try templates(index, mass: mass, threshold: threshold, sin2w: sin2w)
        guard case .events = card.scenarios[index].normalization else { return other }
        let own = try templates(index, mass: mass)
        return other.scaled(by: own.eventsPerSquareCentimeter / other.eventsPerSquareCentimeter)
    }

    /// The master seed of toy row `row` of an analysis: SplitMix64 word of (card seed, row), so
    /// rows are statistically independent and each can be rerun alone with `nue toys --seed`.
    func rowSeed(_ seed: UInt64, row: Int) -> UInt64 {
        var sequence = SeedSequence(masterSeed: seed, index: UInt64(row))
        return sequence.next()
    }

    /// Runs `body(i)` for i in 0..<count on `threads` workers (`Parallel.map`); results in
    /// index order, so they do not depend on the thread count.
    func parallelMap<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        Parallel.map(count, threads: threads, body)
    }
}

/// A scenario's background templates (`StudyContext.backgrounds`) with the exposure they scale
/// with and what the card asked for.
struct ScenarioBackgrounds: Sendable {
    /// `BackgroundSelection.label`: `none`, `preset`, names.
    let label: String
    let exposure: BackgroundExposure
    let templates: [BackgroundTemplate]

    var isEmpty: Bool { templates.isEmpty }
}
