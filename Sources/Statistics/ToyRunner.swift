import Foundation
import GSL

/// Runs pseudo-experiments in parallel with deterministic seeding.
///
/// Toy k: reseed the worker's stream to RandomStream(seed: S, index: k); draw d_i ~
/// Poisson(μ_i(θ_truth, ν_gen)) bin by bin in order with `PoissonSampler` (or call the
/// full-chain hook); then draw
/// the global observables ν₀_a = ν_gen,a + σ_a·Gauss(0, 1) for every constrained nuisance in
/// order (n first, then b⃗); fit θ̂ ≥ 0, the upper limit and, if asked, t(θ_test). Nothing
/// else touches the stream or carries over between toys, so the results are byte-identical
/// for any thread count and any sharding.
public struct ToyRunner: Sendable {
    public var configuration: ToyConfiguration
    /// Optional full-chain data hook; nil draws Poisson counts around the model.
    public var dataGenerator: ToyDataGenerator?

    public init(configuration: ToyConfiguration, dataGenerator: ToyDataGenerator? = nil) {
        self.configuration = configuration
        self.dataGenerator = dataGenerator
    }

    /// Runs the toys `indices` on `threads` workers; returns results sorted by index.
    /// - Parameters:
    ///   - progress: called (serialized) with (finished, total) after each toy.
    ///   - onResult: called (serialized, in completion order) with each finished toy — e.g. to
    ///     append it to a shard file so that an interruption loses nothing that finished.
    public func run(
        indices: [UInt64], threads: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        onResult: (@Sendable (ToyResult) -> Void)? = nil
    ) throws -> [ToyResult] {
        let expected = try configuration.model.expected(theta: configuration.truth, nuisances: configuration.generationNuisances)
        let state = SharedToyState(count: indices.count)
        let workers = max(1, min(threads, indices.count))
        let chunk = max(1, min(64, indices.count / (workers * 8)))
        let work: @Sendable (Int) -> Void = { _ in
            let worker = ToyWorker(configuration: configuration, expected: expected, generator: dataGenerator)
            while true {
                let range = state.claim(chunk)
                if range.isEmpty { break }
                for position in range {
                    let result = worker.run(index: indices[position])
                    state.store(result, at: position, progress: progress, onResult: onResult)
                }
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        if let error = state.generatorError { throw error }
        return state.results.sorted { $0.index < $1.index }
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
}

/// Work distribution and result slots shared by the workers (guarded by a lock; each slot is
/// written by exactly one worker).
final class SharedToyState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    let total: Int
    var results: [ToyResult]
    var generatorError: Error?

    init(count: Int) {
        total = count
        results = Array(repeating: ToyResult(index: 0, thetaHat: .nan, upperLimit: .nan, statisticAtTest: .nan, status: .failed), count: count)
    }

    func claim(_ size: Int) -> Range<Int> {
        lock.lock(); defer { lock.unlock() }
        let start = next
        next = min(total, next + size)
        return start..<next
    }

    func store(_ result: Result<ToyResult, Error>, at position: Int,
               progress: (@Sendable (Int, Int) -> Void)?, onResult: (@Sendable (ToyResult) -> Void)?) {
        lock.lock(); defer { lock.unlock() }
        switch result {
        case .success(let toy):
            results[position] = toy
            onResult?(toy)
        case .failure(let error):
            if generatorError == nil { generatorError = error }
        }
        finished += 1
        progress?(finished, total)
    }
}

/// One worker's reusable state: a likelihood, a stream and a count buffer.
final class ToyWorker {
    let configuration: ToyConfiguration
    let expected: [Double]
    let samplers: [PoissonSampler]
    let generator: ToyDataGenerator?
    let likelihood: ProfileLikelihood
    let stream: RandomStream
    var counts: [Double]
    let constraintSigmas: [Double]

    init(configuration: ToyConfiguration, expected: [Double], generator: ToyDataGenerator?) {
        self.configuration = configuration
        self.expected = expected
        samplers = expected.map(PoissonSampler.init(mean:))
        self.generator = generator
        likelihood = ProfileLikelihood(model: configuration.model, statistic: configuration.statistic)
        stream = RandomStream(seed: configuration.seed, index: 0)
        counts = [Double](repeating: 0, count: configuration.model.binCount)
        constraintSigmas = [configuration.model.normalization.sigma] + configuration.model.backgrounds.map(\.constraint.sigma)
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
        let best = likelihood.bestFit(scale: configuration.scale)
        var status = best.status
        var limit = Double.nan
        if configuration.computesUpperLimit {
            let upper = likelihood.upperLimit(criticalValue: configuration.criticalValue, bestFit: best, scale: configuration.scale)
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
