/// The distributions of the one-sided test statistic q̃(θ) from toys on a grid of θ: the input
/// of the toy-based expected band of pyhf and RooStats (`ToyExpectedBand`).
///
/// At each grid point θ_g (ascending, > 0), with q̃(θ) = λ_p(θ) − λ_p(θ̂) for θ ≥ θ̂ and 0
/// otherwise, θ̂ ≥ 0 (Cowan, Cranmer, Gross & Vitells, EPJC 71, 1554 (2011), eq. 16;
/// `ProfileLikelihood.upperLimitStatistic`):
/// - background-only toys: q̃(θ_g) of N_b toys thrown at θ = 0, toy indices firstIndex + j,
///   j < N_b. They are the same toys at every θ_g, and the first N_b toys of a `nue toys` run
///   with the same seed (whose per-toy limits give the other band);
/// - signal-plus-background toys: q̃(θ_g) of N_s toys thrown at θ_g, indices
///   firstIndex + N_b + k, k < N_s, the same streams at every θ_g (common random numbers: the
///   p-value curves are smooth in θ and the crossings well defined).
/// Toys at θ follow `ToyConfiguration.profiled`: nuisances profiled at θ on the reference data
/// (Asimov SM data by default), global observables fluctuated — as pyhf 0.7's `ToyCalculator`
/// (`fixed_poi_fit` on the data, then `pdf.sample`, main and auxiliary data). Results are
/// byte-identical for any thread count (`ToyRunner`). With a `systematicModel` the toys are thrown
/// at its profiled nuisances and fitted with every nuisance profiled (`ToyRunner.systematicModel`,
/// docs/physics.md §16.7).
///
/// Cost: 2·G·N toy fits (a best fit and one profile each). Memory: G·(N_b + N_s) Doubles.
public struct ToyTestStatisticScan: Sendable, Equatable {
    /// θ_g, ascending, > 0 (fitter units).
    public var grid: [Double]
    /// q̃(θ_g) of background-only toy j: `backgroundOnly[g][j]` (NaN: the fit failed).
    public var backgroundOnly: [[Double]]
    /// q̃(θ_g) of signal-plus-background toy k thrown at θ_g: `signalPlusBackground[g][k]` (NaN: failed).
    public var signalPlusBackground: [[Double]]
    /// The master seed S.
    public var seed: UInt64

    public init(grid: [Double], backgroundOnly: [[Double]], signalPlusBackground: [[Double]], seed: UInt64) throws(StatisticsError) {
        guard !grid.isEmpty, grid[0] > 0, zip(grid, grid.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw StatisticsError("the θ grid must be positive and increasing")
        }
        guard backgroundOnly.count == grid.count, signalPlusBackground.count == grid.count else {
            throw StatisticsError("one toy sample per grid point expected (\(grid.count))")
        }
        self.grid = grid
        self.backgroundOnly = backgroundOnly
        self.signalPlusBackground = signalPlusBackground
        self.seed = seed
    }

    /// Fits that failed (NaN entries), over all grid points and both hypotheses.
    public var failedFits: Int {
        (backgroundOnly + signalPlusBackground).reduce(0) { $0 + $1.count(where: { !$0.isFinite }) }
    }

    /// Background-only toys per grid point.
    public var backgroundToys: Int { backgroundOnly.first?.count ?? 0 }
    /// Signal-plus-background toys per grid point.
    public var signalToys: Int { signalPlusBackground.first?.count ?? 0 }

    /// The default grid: θ_g = θ_A·(g/10)², g = 1…22 (√θ in steps of 0.1 √θ_A up to 2.2 √θ_A,
    /// θ up to 4.84 θ_A), θ_A the Asimov limit. Asymptotically the CLs+b band spans 0…2.56 θ_A
    /// and the CLs band 0.66…2.6 θ_A at 90 % CL (Cowan et al. eq. 89–90).
    public static func defaultGrid(asimovLimit: Double) -> [Double] {
        (1...22).map { g in
            let r = 0.1 * Double(g)
            return asimovLimit * r * r
        }
    }

    /// Throws the toys and evaluates q̃ at every grid point.
    /// - Parameters:
    ///   - grid: θ_g (default `defaultGrid(asimovLimit:)` from `scale`).
    ///   - backgroundToys: N_b; `signalToys`: N_s (default N_b).
    ///   - scale: a typical θ (default: the Asimov limit).
    ///   - systematicModel: shape systematics on `model` (its base), or nil.
    public static func run(
        model: BinnedModel, statistic: TestStatistic = .poisson, confidenceLevel: Double = 0.90,
        grid: [Double]? = nil, backgroundToys: Int, signalToys: Int? = nil, seed: UInt64, firstIndex: UInt64 = 0,
        referenceData: [Double]? = nil, referenceGlobalObservables: NuisanceParameters? = nil,
        scale: Double? = nil, threads: Int = 1, systematicModel: SystematicModel? = nil
    ) throws -> ToyTestStatisticScan {
        let signalToys = signalToys ?? backgroundToys
        guard backgroundToys >= 10, signalToys >= 10 else { throw StatisticsError("the test-statistic band needs at least 10 toys per hypothesis") }
        let theScale = try scale ?? AsimovSensitivity.compute(model: model, statistic: statistic, confidenceLevel: confidenceLevel).limit
        let thetas = grid ?? defaultGrid(asimovLimit: theScale)
        var background: [[Double]] = []
        var signal: [[Double]] = []
        for theta in thetas {
            func statistics(truth: Double, count: Int, first: UInt64) throws -> [Double] {
                let configuration = try ToyConfiguration.profiled(
                    model: model, statistic: statistic, confidenceLevel: confidenceLevel, truth: truth, seed: seed,
                    referenceData: referenceData, referenceGlobalObservables: referenceGlobalObservables, scale: theScale,
                    computesUpperLimit: false, testedTheta: theta)
                return try ToyRunner(configuration: configuration, systematicModel: systematicModel)
                    .run(totalToys: count, firstIndex: first, threads: threads)
                    .map { toy in
                        guard toy.status != .failed, toy.statisticAtTest.isFinite else { return .nan }
                        return toy.thetaHat > theta ? 0 : toy.statisticAtTest
                    }
            }
            background.append(try statistics(truth: 0, count: backgroundToys, first: firstIndex))
            signal.append(try statistics(truth: theta, count: signalToys, first: firstIndex + UInt64(backgroundToys)))
        }
        return try ToyTestStatisticScan(grid: thetas, backgroundOnly: background, signalPlusBackground: signal, seed: seed)
    }
}
