import ArgumentParser
import Foundation
import Statistics
import Studies

struct ToysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toys",
        abstract: "Pseudo-experiments: the distribution of upper limits (median, ±1σ, ±2σ) beside the Asimov limit.",
        discussion: """
            Toy k draws from RandomStream(seed, k): Poisson counts around the model at --true (nuisances \
            profiled on the Asimov data), the normalization's global observable fluctuated. Results are \
            identical for any --threads and any --shard split. --shard K/N runs the toys k with k mod N = K; \
            --output writes them as nue-toys JSON Lines in index order, each toy written as soon as the earlier \
            ones are (an interrupted run keeps every finished toy); an existing file is refused unless \
            --resume (continue it: the same run, only the missing toys, byte-identical to an uninterrupted \
            run) or --force (overwrite). `nue merge` combines shard files into exactly the unsharded file. \
            --limit cls: each toy's limit is the CLs limit (CLs = p_θ / CLb = α, asymptotic p-values of Cowan \
            et al. with q_θ,A from the background-only Asimov data), beside it the Asimov CLs limit and band; \
            the method is recorded in the file header (limit_method), so --resume and nue merge refuse mixing. \
            --systematics: toys thrown at the nuisances profiled on the Asimov data at --true with every global \
            observable fluctuated, each fitted with every nuisance profiled (CLs+b; files, shards, resume, merge, \
            --band-toys and --full-chain as without, full-chain events at the nominal detector; the header's label \
            names the systematics). \
            Memory: 8 bytes per toy (the limits, for the quantiles); at most 10⁹ toys per run.
            Example: nue toys --detector kamland --events 3000 --toys 10000 --seed 1 --threads 2 --json
            """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(help: "Number of toys in the whole run (1…10⁹, fewer if physical memory is below 16 GB: 8 bytes per toy in half of it).")
    var toys: Double
    @OptionGroup var seedOption: SeedOption
    var seed: UInt64 { seedOption.seed }
    @OptionGroup var threadsOption: ThreadsOption
    @Option(help: "Run shard K of N (K/N, 1 ≤ N ≤ 10⁹, 0 ≤ K < N).")
    var shard: String = "0/1"
    @OptionGroup var outputOption: OutputFileOption
    /// Per-toy results (nue-toys JSON Lines); an existing file needs --resume or --force.
    var output: String? { outputOption.output }
    @Flag(help: "Continue the run recorded in --output (same configuration): keep its complete toys, run the rest.")
    var resume = false
    @Flag(help: "Overwrite an existing --output file.")
    var force = false
    @Option(name: .customLong("true"), parsing: .unconditional, help: "True value of the parameter for the toys (κ in μ_B or g).")
    var trueValue: Double = 0
    @Flag(help: "Full-chain toys: generate events, simulate the detector and histogram them (instead of Poisson counts around the templates).")
    var fullChain = false
    @Option(help: "Also the test-statistic-quantile band (pyhf/RooStats convention): N toys per hypothesis at each of 22 θ points (2·22·N fits; background-only toys = this run's first N). 0: off. Needs --true 0, no --shard, no --full-chain.")
    var bandToys: Double = 0
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }
    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        _ = try toyCount
        _ = try threadCount
        guard !(resume && force) else { throw ValidationError("--resume and --force exclude each other") }
        guard output != nil || !(resume || force) else { throw ValidationError("--resume and --force need --output") }
        try requireFinite(trueValue, "--true")
        guard trueValue >= 0 else { throw CommandFailure("--true must be ≥ 0, got \(trueValue)") }
        _ = try runtime { try ToyShard(parsing: shard) }
        if bandToys != 0 {
            _ = try wholeNumber(bandToys, "--band-toys", in: 10...10_000_000)
            guard trueValue == 0, shard == "0/1", !fullChain else {
                throw ValidationError("--band-toys needs --true 0, no --shard and no --full-chain")
            }
        }
    }

    /// --toys as a whole number in 1…`ToyJob.maximumToys`.
    var toyCount: Int { get throws { try wholeNumber(toys, "--toys", in: 1...ToyJob.maximumToys) } }

    /// --threads as a whole number in 1…1024.
    var threadCount: Int { get throws { try threadsOption.count() } }

    struct Output: Encodable {
        let parameter: String
        let asimov: Double?
        let median: Double?
        let band68: [Double?]
        let band95: [Double?]
        let asymptotic_band68: [Double?]
        let asymptotic_band95: [Double?]
        let median_error: Double?
        let toys: Int
        let failed_fits: Int
        let seed: UInt64
        let shard: String
        let cl: Double
        let statistic: String
        /// CLs+b or CLs: how the per-toy limits (and the Asimov limit and asymptotic band) are defined.
        let limit_method: String
        /// What band68/band95/median are: quantiles of the per-toy upper limits.
        var band_convention = "limit_quantiles"
        /// --band-toys only: the pyhf/RooStats band (quantiles of q̃ under θ = 0 mapped to limits), CLs+b and CLs.
        var test_statistic_band: TestStatisticBand? = nil
        /// Partial merges only (absent otherwise, so a complete merge prints exactly what the
        /// unsharded run prints): true, the missing toys and their shards.
        var partial: Bool? = nil
        var missing_toys: Int? = nil
        var missing_shards: [MissingShard]? = nil
    }

    /// The expected limits of `ToyExpectedBand` for one p-value method, quoted (κ or g).
    struct TestStatisticBand: Encodable {
        var convention = "test_statistic_quantiles"
        let toys_per_hypothesis: Int
        let grid_points: Int
        let failed_fits: Int
        let median: Double?
        let band68: [Double?]
        let band95: [Double?]
        let cls_median: Double?
        let cls_band68: [Double?]
        let cls_band95: [Double?]
    }

    struct MissingShard: Encodable {
        let shard: String
        let missing_toys: Int
        let first_missing_index: UInt64
    }

    func run() throws {
        let fit = try FitScenario(scenario)
        var systematic: SystematicModelFit?
        if !fit.study.systematics.isEmpty {
            guard scenario.limit == .clsb else {
                throw CommandFailure("--systematics \(scenario.systematics): nue toys runs them with CLs+b only; use --limit clsb")
            }
            systematic = try runtime { try fit.study.systematicFit(templates: fit.templates) }
        }
        let shard = try runtime { try ToyShard(parsing: self.shard) }
        let asimovLimit = try runtime {
            try systematic?.asimov(statistic: fit.statistic, cl: scenario.cl, method: .clsb).limit
                ?? AsimovSensitivity.compute(model: fit.model, statistic: fit.statistic, confidenceLevel: scenario.cl,
                                             method: scenario.limit).limit
        }
        let truth = fit.theta(quoted: trueValue)
        // Full chain: events are thrown at n = 1, so the nuisances are profiled on the Asimov data at the truth.
        let reference = fullChain ? try runtime { try fit.model.asimovData(theta: truth) } : nil
        let configuration = try runtime {
            try ToyConfiguration.profiled(model: fit.model, statistic: fit.statistic, confidenceLevel: scenario.cl,
                                          truth: truth, seed: seed, referenceData: reference, scale: asimovLimit,
                                          limitMethod: scenario.limit)
        }
        var dataGenerator: ToyDataGenerator?
        if fullChain {
            let model = scenario.model == .magneticMoment ? fit.scenario.model(kappa: trueValue) : fit.scenario.model(g: trueValue)
            do {
                dataGenerator = try FullChainToys.generator(scenario: fit.scenario, model: model, templates: fit.templates,
                                                            backgrounds: fit.study.backgroundToyGenerator(templates: fit.templates))
            } catch { throw CommandFailure("full-chain toys: \(error)") }
        }
        let header = ToyFileHeader(seed: seed, totalToys: try toyCount, shard: shard, statistic: fit.statistic,
                                   confidenceLevel: scenario.cl, truth: truth, asimovLimit: asimovLimit,
                                   parameter: fit.parameterName, thetaUnit: fit.unit,
                                   label: fit.label + (fullChain ? " full_chain=true" : "")
                                       + (systematic == nil ? "" : " systematics=\(fit.study.systematicsLabel)"),
                                   limitMethod: scenario.limit)
        let progress = ToyProgress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        let job = ToyJob(runner: ToyRunner(configuration: configuration, dataGenerator: dataGenerator, systematicModel: systematic?.model),
                         header: header)
        let threads = try threadCount
        let outcome = try runtime {
            try job.run(output: output, existing: resume ? .resume : force ? .overwrite : .refuse,
                        threads: threads, progress: progress.callback)
        }
        if outcome.resumedToys > 0 && !quiet {
            FileHandle.standardError.write(Data("resumed \(output ?? ""): \(outcome.resumedToys) toys kept, \(outcome.computedToys) run\n".utf8))
        }
        var band: TestStatisticBand?
        if bandToys != 0 {
            let count = try wholeNumber(bandToys, "--band-toys", in: 10...10_000_000)
            band = try runtime {
                let scan = try ToyTestStatisticScan.run(model: fit.model, statistic: fit.statistic, confidenceLevel: scenario.cl,
                                                        backgroundToys: count, seed: seed, scale: asimovLimit, threads: threads,
                                                        systematicModel: systematic?.model)
                let clsb = try ToyExpectedBand(scan: scan, method: .clsb, confidenceLevel: scenario.cl).band.map(fit.quoted)
                let cls = try ToyExpectedBand(scan: scan, method: .cls, confidenceLevel: scenario.cl).band.map(fit.quoted)
                return TestStatisticBand(toys_per_hypothesis: count, grid_points: scan.grid.count, failed_fits: scan.failedFits,
                                         median: finite(clsb.median), band68: [finite(clsb.minus1), finite(clsb.plus1)],
                                         band95: [finite(clsb.minus2), finite(clsb.plus2)], cls_median: finite(cls.median),
                                         cls_band68: [finite(cls.minus1), finite(cls.plus1)], cls_band95: [finite(cls.minus2), finite(cls.plus2)])
            }
        }
        try ToysCommand.report(summary: outcome.summary, header: header, asimov: asimovLimit, json: json,
                               quoted: fit.quoted, parameter: fit.parameterName, testStatisticBand: band)
    }

    /// Prints the summary (shared with `nue merge`).
    static func report(summary: ToySummary, header: ToyFileHeader, asimov: Double, json: Bool,
                       quoted: @escaping (Double) -> Double, parameter: String,
                       missing: [ToyMerge.MissingShard]? = nil, testStatisticBand: TestStatisticBand? = nil) throws {
        let asymptotic: ExpectedBand
        switch header.limitMethod {
        case .clsb:
            let critical = try runtime { try CriticalValue.oneSided(confidenceLevel: header.confidenceLevel) }
            asymptotic = ExpectedBand.asymptotic(asimovLimit: asimov, criticalValue: critical)
        case .cls:
            asymptotic = ExpectedBand.asymptoticCLs(asimovLimit: asimov, confidenceLevel: header.confidenceLevel)
        }
        let b = summary.band
        // Error of √θ at the median: d√θ = dθ / (2√θ) in quoted units.
        let medianQuoted = quoted(b.median)
        let errorQuoted = medianQuoted > 0 ? quoted(b.median + summary.medianError) - medianQuoted : .nan
        let q: (Double) -> Double? = { finite(quoted($0)) }
        var output = Output(
            parameter: parameter, asimov: q(asimov), median: finite(medianQuoted),
            band68: [q(b.minus1), q(b.plus1)], band95: [q(b.minus2), q(b.plus2)],
            asymptotic_band68: [q(asymptotic.minus1), q(asymptotic.plus1)],
            asymptotic_band95: [q(asymptotic.minus2), q(asymptotic.plus2)],
            median_error: finite(errorQuoted), toys: summary.toys, failed_fits: summary.failedFits, seed: header.seed,
            shard: header.shard.description, cl: header.confidenceLevel, statistic: header.statistic.rawValue,
            limit_method: header.limitMethod.rawValue)
        output.test_statistic_band = testStatisticBand
        if let missing, !missing.isEmpty {
            output.partial = true
            output.missing_toys = missing.reduce(0) { $0 + $1.missingToys }
            output.missing_shards = missing.map { MissingShard(shard: $0.shard.description, missing_toys: $0.missingToys,
                                                               first_missing_index: $0.firstMissingIndex) }
        }
        if json { try printJSON(output) } else {
            print("\(summary.toys) toys (\(summary.failedFits) failed fits), seed \(header.seed), shard \(header.shard)")
            if let missing, !missing.isEmpty {
                print("PARTIAL: \(output.missing_toys ?? 0) of \(header.totalToys) toys missing (shards \(missing.map(\.shard.description).joined(separator: ", ")))")
            }
            print("limit method      \(header.limitMethod.label)")
            print("Asimov limit      \(parameter) < \(quoted(asimov))")
            print("toy median        \(medianQuoted) ± \(errorQuoted)")
            print("toy ±1σ           [\(quoted(b.minus1)), \(quoted(b.plus1))]   asymptotic [\(quoted(asymptotic.minus1)), \(quoted(asymptotic.plus1))]")
            print("toy ±2σ           [\(quoted(b.minus2)), \(quoted(b.plus2))]   asymptotic [\(quoted(asymptotic.minus2)), \(quoted(asymptotic.plus2))]")
            print("(toy band: quantiles of the per-toy limits, band_convention limit_quantiles)")
            if let t = testStatisticBand {
                func text(_ x: Double?) -> String { x.map { "\($0)" } ?? "n/a" }
                print("test-statistic band (pyhf/RooStats: b-only quantiles of q̃ → limits; \(t.toys_per_hypothesis) toys per hypothesis, \(t.grid_points) θ points)")
                print("  CLs+b median \(text(t.median))  ±1σ [\(text(t.band68[0])), \(text(t.band68[1]))]  ±2σ [\(text(t.band95[0])), \(text(t.band95[1]))]")
                print("  CLs   median \(text(t.cls_median))  ±1σ [\(text(t.cls_band68[0])), \(text(t.cls_band68[1]))]  ±2σ [\(text(t.cls_band95[0])), \(text(t.cls_band95[1]))]")
            }
        }
    }
}
