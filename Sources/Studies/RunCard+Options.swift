extension RunCard {
    /// Which test statistic(s) to use.
    public enum StatisticChoice: String, Codable, CaseIterable, Sendable {
        /// Poisson likelihood ratio (Baker–Cousins), the default.
        case poisson
        /// Pearson χ² with σ² = expected (the original study's method).
        case pearson
        /// Both, reported side by side.
        case both

        /// The single statistics this choice stands for.
        public var statistics: [String] {
            switch self {
            case .poisson: ["poisson"]
            case .pearson: ["pearson"]
            case .both: ["poisson", "pearson"]
            }
        }
    }

    /// Recoil-energy binning of the fitted spectrum.
    public struct Binning: Codable, Equatable, Sendable {
        /// Bin width, MeV (> 0; default 0.1).
        public var binWidthMeV: Double
        /// Upper edge, MeV; nil: the kinematic end of the spectrum.
        public var maxMeV: Double?

        enum CodingKeys: String, CodingKey {
            case binWidthMeV = "bin_width_mev"
            case maxMeV = "max_mev"
        }

        public init(binWidthMeV: Double = ScenarioSetting.binWidthMeV.defaultValue!, maxMeV: Double? = nil) {
            self.binWidthMeV = binWidthMeV
            self.maxMeV = maxMeV
        }
    }

    /// Pseudo-experiments: count, master seed, threads, and an optional coverage study.
    public struct Toys: Codable, Equatable, Sendable {
        /// Toys per scenario row (≥ 1).
        public var count: Int
        /// Master seed; every toy derives its own stream from (seed, index).
        public var seed: UInt64
        /// Worker threads (≥ 1); results do not depend on it.
        public var threads: Int
        /// Coverage study (analysis `coverage`).
        public var coverage: Coverage?
        /// Analysis `toys`: also throw full-chain toys (events generated, simulated and
        /// histogrammed; `FullChainToys`) beside the binned ones (default false).
        public var fullChain: Bool

        enum CodingKeys: String, CodingKey {
            case count, seed, threads, coverage
            case fullChain = "full_chain"
        }

        public init(count: Int, seed: UInt64, threads: Int = 1, coverage: Coverage? = nil, fullChain: Bool = false) {
            self.count = count
            self.seed = seed
            self.threads = threads
            self.coverage = coverage
            self.fullChain = fullChain
        }
    }

    /// Coverage of interval methods at true parameter values.
    public struct Coverage: Codable, Equatable, Sendable {
        /// Methods to test: `asimov` (asymptotic Δχ² intervals) and/or `fc` (Feldman–Cousins).
        public var methods: [CoverageMethod]
        /// True values in units of each row's Asimov limit (1.0 = at the Asimov limit; 0 = SM).
        public var trueValuesOverAsimov: [Double]
        /// Toys per true value (default: `toys.count`).
        public var toys: Int?
        /// Independent toys per true value that set the Feldman–Cousins critical value
        /// (default: twice the coverage toys, so the quantile's noise stays below the
        /// coverage's binomial error).
        public var criticalToys: Int?

        enum CodingKeys: String, CodingKey {
            case methods
            case trueValuesOverAsimov = "true_values_over_asimov"
            case toys
            case criticalToys = "critical_toys"
        }

        public init(methods: [CoverageMethod], trueValuesOverAsimov: [Double] = [1.0], toys: Int? = nil,
                    criticalToys: Int? = nil) {
            self.methods = methods
            self.trueValuesOverAsimov = trueValuesOverAsimov
            self.toys = toys
            self.criticalToys = criticalToys
        }
    }

    public enum CoverageMethod: String, Codable, CaseIterable, Sendable {
        /// Asymptotic (Wilks / half-χ²) interval.
        case asimov
        /// Feldman–Cousins likelihood-ratio ordering with toy-calibrated critical values.
        case fc
    }

    /// Which outputs to write under `directory` (default `outputs/<card name>`).
    public struct Outputs: Codable, Equatable, Sendable {
        /// `table.md`.
        public var table: Bool
        /// `table.csv`.
        public var csv: Bool
        /// `result.json`.
        public var json: Bool
        /// Plot data files (`*.csv` besides `table.csv`) and, when Python is there, PNG/PDF plots.
        public var plots: Bool
        /// Output directory, relative to the working directory; nil: `outputs/<card name>`.
        public var directory: String?

        public init(table: Bool = true, csv: Bool = true, json: Bool = true, plots: Bool = true, directory: String? = nil) {
            self.table = table
            self.csv = csv
            self.json = json
            self.plots = plots
            self.directory = directory
        }
    }
}
