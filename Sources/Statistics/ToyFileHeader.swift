/// The first line of a toy file: what was run. Shards of one run share every field except
/// `shard`; a merged file carries `shard` 0/1, exactly like the unsharded run.
public struct ToyFileHeader: Sendable, Equatable {
    public static let format = "nue-toys"
    public static let version = 1

    public var seed: UInt64
    /// Toys in the whole (unsharded) run.
    public var totalToys: Int
    /// The index of the run's first toy (toys are firstIndex ..< firstIndex + totalToys).
    public var firstIndex: UInt64
    public var shard: ToyShard
    public var statistic: TestStatistic
    public var confidenceLevel: Double
    /// θ of the generated toys.
    public var truth: Double
    /// The Asimov limit on θ (the toys' bracket scale).
    public var asimovLimit: Double
    /// The quoted parameter's name ("mu_nu", "g", or "theta"): limits are quoted as
    /// √(thetaUnit · θ) by callers that fit θ = κ² or g².
    public var parameter: String
    /// θ_physical = thetaUnit · θ (the fitter works in rescaled units of order one).
    public var thetaUnit: Double
    /// Free text naming the scenario (for instance the command-line options); must agree
    /// between shards.
    public var label: String
    /// How the toys' upper limits are defined (key `limit_method`, written only for CLs so a
    /// CLs+b file is byte-identical to files written before CLs toys existed).
    public var limitMethod: LimitMethod

    public init(seed: UInt64, totalToys: Int, firstIndex: UInt64 = 0, shard: ToyShard = .all,
                statistic: TestStatistic, confidenceLevel: Double, truth: Double, asimovLimit: Double, parameter: String = "theta", thetaUnit: Double = 1, label: String,
                limitMethod: LimitMethod = .clsb) {
        self.seed = seed
        self.totalToys = totalToys
        self.firstIndex = firstIndex
        self.shard = shard
        self.statistic = statistic
        self.confidenceLevel = confidenceLevel
        self.truth = truth
        self.asimovLimit = asimovLimit
        self.parameter = parameter
        self.thetaUnit = thetaUnit
        self.label = label
        self.limitMethod = limitMethod
    }

    /// The same header for another shard.
    public func with(shard: ToyShard) -> ToyFileHeader {
        var copy = self
        copy.shard = shard
        return copy
    }
}
