import Foundation
import GSL
import Parallel

/// Runs pseudo-experiments in parallel with deterministic seeding.
///
/// Toy k: reseed the worker's stream to RandomStream(seed: S, index: k); draw d_i ~
/// Poisson(μ_i(θ_truth, ν_gen)) bin by bin in order with `PoissonSampler` (or call the
/// full-chain hook); then draw
/// the global observables ν₀_a = ν_gen,a + σ_a·Gauss(0, 1) for every constrained nuisance in
/// order (n first, then b⃗); fit θ̂ ≥ 0, the upper limit (CLs+b, and from it the CLs limit
/// when `limitMethod` is `.cls`) and, if asked, t(θ_test). Nothing
/// else touches the stream or carries over between toys, so the results are byte-identical
/// for any thread count and any sharding.
public struct ToyRunner: Sendable {
    public var configuration: ToyConfiguration
    /// Optional full-chain data hook; nil draws Poisson counts around the model.
    public var dataGenerator: ToyDataGenerator?
    /// With shape systematics: toy k is thrown at the nuisances profiled on the reference data at
    /// θ_truth, every global observable fluctuated, and fitted with every nuisance profiled
    /// (`SystematicToys.Generation`, docs/physics.md §16.7); `configuration` then gives the seed,
    /// truth, critical value, scale, tested θ and whether limits are computed, its model must be
    /// this model's base (same bins and backgrounds), and its `generationNuisances` are not used.
    /// CLs+b only; a `dataGenerator` (full chain) must generate at the nominal detector.
    public var systematicModel: SystematicModel?

    public init(configuration: ToyConfiguration, dataGenerator: ToyDataGenerator? = nil, systematicModel: SystematicModel? = nil) {
        self.configuration = configuration
        self.dataGenerator = dataGenerator
        self.systematicModel = systematicModel
    }

    /// Runs the toys `indices` on `threads` workers; returns results sorted by index.
    /// (Holds every result: for large runs use `stream`.)
    /// - Parameters:
    ///   - progress: called (serialized) with (finished, total) after each toy.
    ///   - onResult: called (serialized, in the order of `indices`) with each finished toy.
    public func run(
        indices: [UInt64], threads: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        onResult: (@Sendable (ToyResult) -> Void)? = nil
    ) throws -> [ToyResult] {
        var results: [ToyResult] = []
        results.reserveCapacity(indices.count)
        try stream(count: indices.count, index: { indices[$0] }, threads: threads, progress: progress) { toy in
            results.append(toy)
            onResult?(toy)
        }
        return results.sorted { $0.index < $1.index }
    }

    /// Runs shard `shard` of a run of `totalToys` toys (indices from `firstIndex`).
    public func run(
        totalToys: Int, shard: ToyShard = .all, firstIndex: UInt64 = 0, threads: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        onResult: (@Sendable (ToyResult) -> Void)? = nil
    ) throws -> [ToyResult] {
        try run(indices: shard.indices(totalToys: totalToys, firstIndex: firstIndex), threads: threads,
                progress: progress, onResult: onResult)
    }

    /// Runs the toys at positions 0..<count (toy index `index(p)`) on `threads` workers and hands
    /// each result to `deliver` in position order, serialized, as soon as all earlier ones are
    /// delivered. Memory is bounded whatever `count`: workers claim chunks of positions in
    /// order and wait while they are more than `window` positions ahead of the delivered ones,
    /// so at most ≈ `window` results wait for an earlier slow toy. An error from `deliver` or
    /// from the data generator stops the run (no further toy is delivered) and is rethrown.
    public func stream(
        count: Int, index: @escaping (Int) -> UInt64, threads: Int = 1, window: Int = 4096,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        deliver: (ToyResult) throws -> Void
    ) throws {
        guard count > 0 else { return }
        let configuration = self.configuration
        let makeWorker: @Sendable () -> (UInt64) -> Result<ToyResult, Error>
        if let systematicModel {
            guard configuration.limitMethod == .clsb else { throw StatisticsError("toys with shape systematics compute CLs+b limits only") }
            guard systematicModel.base.binCount == configuration.model.binCount,
                  systematicModel.base.backgrounds.count == configuration.model.backgrounds.count else {
                throw StatisticsError("the toy configuration's model is not the base of the systematic model")
            }
            // Full-chain events are generated at the nominal detector, so the nuisances are fitted to
            // the Asimov data at the truth (x̂ = the nominal point), as without systematics.
            let reference = dataGenerator == nil ? nil : try systematicModel.asimovData(theta: configuration.truth)
            let generation = try SystematicToys.Generation(model: systematicModel, statistic: configuration.statistic,
                                                           trueTheta: configuration.truth, referenceData: reference)
            let dataGenerator = self.dataGenerator
            makeWorker = {
                // One likelihood and one stream per worker, reset for each toy.
                let likelihood = SystematicLikelihood(model: generation.model, statistic: configuration.statistic)
                let stream = RandomStream(seed: configuration.seed, index: 0)
                return { index in
                    Result {
                        let toy = try generation.toy(index: index, seed: configuration.seed, likelihood: likelihood,
                                                     critical: configuration.criticalValue, scale: configuration.scale,
                                                     upperLimit: configuration.computesUpperLimit, testedTheta: configuration.testedTheta,
                                                     generator: dataGenerator, stream: stream)
                        return ToyResult(index: index, thetaHat: toy.thetaHat, upperLimit: toy.upperLimit,
                                         statisticAtTest: toy.statisticAtTest, status: toy.status)
                    }
                }
            }
        } else {
            let expected = try configuration.model.expected(theta: configuration.truth, nuisances: configuration.generationNuisances)
            if configuration.limitMethod == .cls && configuration.computesUpperLimit {
                // CLs needs q_θ,A on the background-only Asimov data: a failure there is the run's
                // error, reported once, not a NaN limit for every toy (workers build their own copy).
                _ = try BackgroundAsimovStatistic(model: configuration.model, statistic: configuration.statistic)
            }
            let dataGenerator = self.dataGenerator
            makeWorker = {
                let worker = ToyWorker(configuration: configuration, expected: expected, generator: dataGenerator)
                return worker.run(index:)
            }
        }
        try withoutActuallyEscaping(deliver) { deliver in
            let state = OrderedToyDelivery(count: count, window: max(1, window), deliver: deliver, progress: progress)
            let workers = max(1, min(threads, count))
            let chunk = max(1, min(64, count / (workers * 8), max(1, window / (2 * workers))))
            nonisolated(unsafe) let lookup = index
            nonisolated(unsafe) let shared = state
            let work: @Sendable (Int) -> Void = { _ in
                let run = makeWorker()
                var batch: [Result<ToyResult, Error>] = []
                batch.reserveCapacity(chunk)
                while true {
                    let range = shared.claim(chunk)
                    if range.isEmpty { break }
                    batch.removeAll(keepingCapacity: true)
                    for position in range { batch.append(run(lookup(position))) }
                    shared.store(batch, from: range.lowerBound)
                }
            }
            Parallel.workers(workers, work)
            if let error = state.error { throw error }
        }
    }
}

/// Hands out positions to the workers and delivers their results in position order (a small
/// reorder buffer, bounded by the claim window; guarded by one condition lock).
final class OrderedToyDelivery {
    private let condition = NSCondition()
    private var nextClaim = 0
    private var nextDelivery = 0
    /// Stored chunks not yet delivered, by their first position.
    private var pending: [Int: [Result<ToyResult, Error>]] = [:]
    private let total: Int
    private let window: Int
    private let deliver: (ToyResult) throws -> Void
    private let progress: (@Sendable (Int, Int) -> Void)?
    private(set) var error: Error?

    init(count: Int, window: Int, deliver: @escaping (ToyResult) throws -> Void, progress: (@Sendable (Int, Int) -> Void)?) {
        total = count
        self.window = window
        self.deliver = deliver
        self.progress = progress
    }

    /// The next chunk of positions; empty when all are claimed or the run stopped. Waits while
    /// the claim would run more than `window` positions ahead of the delivered ones.
    func claim(_ size: Int) -> Range<Int> {
        condition.lock(); defer { condition.unlock() }
        while error == nil && nextClaim < total && nextClaim >= nextDelivery + window { condition.wait() }
        guard error == nil else { return 0..<0 }
        let start = nextClaim
        nextClaim = min(total, nextClaim + size)
        return start..<nextClaim
    }

    /// Stores the results of one claimed chunk (positions `start…`) and delivers, in position
    /// order, every chunk whose predecessors are delivered: one lock acquisition per chunk, and
    /// waiting claimers are woken only when the delivered position advances. A failed toy stops
    /// the run after the toys before it are delivered.
    func store(_ results: [Result<ToyResult, Error>], from start: Int) {
        condition.lock(); defer { condition.unlock() }
        guard error == nil else { return }
        pending[start] = results
        let delivered = nextDelivery
        deliveries: while let chunk = pending.removeValue(forKey: nextDelivery) {
            for result in chunk {
                switch result {
                case .failure(let failure):
                    error = failure
                    break deliveries
                case .success(let toy):
                    do { try deliver(toy) } catch {
                        self.error = error
                        break deliveries
                    }
                }
                nextDelivery += 1
            }
            progress?(nextDelivery, total)
        }
        if nextDelivery != delivered || error != nil { condition.broadcast() }
    }
}

/// One worker's reusable state: a likelihood, a stream and a count buffer.
final class ToyWorker {
    let configuration: ToyConfiguration
    let expected: [Double]
    let samplers: [PoissonSampler]
    /// The joint fit's start per toy: one Fisher-scoring step from (θ_truth, ν_gen) (nil where the
    /// fit is not joint, `ProfileLikelihood.usesJointFit`).
    let fisherStart: FisherScoringStart?
    let generator: ToyDataGenerator?
    let likelihood: ProfileLikelihood
    let stream: RandomStream
    var counts: [Double]
    let constraintSigmas: [Double]
    /// q_θ,A on the background-only Asimov data (CLs limits only); nil if it failed.
    let asimov: BackgroundAsimovStatistic?

    init(configuration: ToyConfiguration, expected: [Double], generator: ToyDataGenerator?) {
        self.configuration = configuration
        self.expected = expected
        samplers = expected.map(PoissonSampler.init(mean:))
        self.generator = generator
        likelihood = ProfileLikelihood(model: configuration.model, statistic: configuration.statistic)
        let nuisances = configuration.generationNuisances
        fisherStart = likelihood.usesJointFit
            ? (try? SystematicModel(base: configuration.model, systematics: [])).flatMap {
                FisherScoringStart(model: $0, statistic: configuration.statistic,
                                   truth: [configuration.truth, nuisances.normalization] + nuisances.backgrounds, expected: expected)
            } : nil
        stream = RandomStream(seed: configuration.seed, index: 0)
        counts = [Double](repeating: 0, count: configuration.model.binCount)
        constraintSigmas = [configuration.model.normalization.sigma] + configuration.model.backgrounds.map(\.constraint.sigma)
        asimov = configuration.limitMethod == .cls && configuration.computesUpperLimit
            ? try? BackgroundAsimovStatistic(model: configuration.model, statistic: configuration.statistic) : nil
    }

    func run(index: UInt64) -> Result<ToyResult, Error> {
        stream.reseed(seed: configuration.seed, index: index)
        if let generator {
            do {
                let generated = try generator(stream, index)
                guard generated.count == counts.count else {
                    throw StatisticsError("the toy generator returned \(generated.count) bins, the model has \(counts.count)")
                }
                counts = generated
            } catch { return .failure(error) }
        } else {
            let stream = self.stream
            samplers.withUnsafeBufferPointer { bins in
                counts.withUnsafeMutableBufferPointer { out in
                    for i in 0..<bins.count { out[i] = bins[i].sample(stream) }
                }
            }
        }
        let truthNuisances = configuration.generationNuisances
        var observables = truthNuisances
        observables.normalization = fluctuate(truthNuisances.normalization, sigma: constraintSigmas[0])
        for j in 0..<observables.backgrounds.count {
            observables.backgrounds[j] = fluctuate(truthNuisances.backgrounds[j], sigma: constraintSigmas[j + 1])
        }
        return .success(fit(index: index, observables: observables))
    }

    @inline(__always)
    private func fluctuate(_ value: Double, sigma: Double) -> Double {
        sigma > 0 && sigma.isFinite ? value + stream.gaussian(sigma: sigma) : value
    }

    private func fit(index: UInt64, observables: NuisanceParameters) -> ToyResult {
        counts.withUnsafeBufferPointer { likelihood.setData(counts: $0, globalObservables: observables) }
        if let fisherStart, var x = fisherStart.start(data: counts, observables: [0, observables.normalization] + observables.backgrounds) {
            x[0] *= x[1]
            likelihood.jointStart = x
        }
        let best = likelihood.bestFit(scale: configuration.scale)
        var status = best.status
        var limit = Double.nan
        if configuration.computesUpperLimit {
            var upper = likelihood.upperLimit(criticalValue: configuration.criticalValue, bestFit: best, scale: configuration.scale)
            if configuration.limitMethod == .cls {
                if let asimov {
                    upper = likelihood.clsUpperLimit(confidenceLevel: configuration.confidenceLevel, clsb: upper,
                                                     asimov: asimov, scale: configuration.scale)
                } else {
                    upper = UpperLimit(theta: .nan, bestFit: best, status: .failed)
                }
            }
            limit = upper.theta
            status = status.combined(with: upper.status)
        }
        var tested = Double.nan
        if let theta = configuration.testedTheta, best.status != .failed {
            tested = likelihood.testStatistic(theta: theta, bestFit: best)
            if !tested.isFinite { status = .failed }
        }
        return ToyResult(index: index, thetaHat: best.theta, upperLimit: limit, statisticAtTest: tested, status: status)
    }
}
