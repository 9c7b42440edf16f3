import ArgumentParser
import Foundation
import Statistics
import Studies

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Fraction of toys whose interval contains the true value, ± binomial error.",
        discussion: """
            asimov: covered iff q(θ_true) ≤ Φ⁻¹(CL)² (the asymptotic upper limit); with --limit cls covered iff \
            CLs(θ_true) = p_θ / CLb ≥ 1 − CL (asymptotic p-values, q_θ,A from the background-only Asimov data). fc: covered iff \
            t(θ_true) ≤ c(θ_true), c the CL-quantile of t from an independent toy set (indices from 2⁴⁰). \
            With --systematics the toys are thrown at the profiled nuisances with every global observable fluctuated and \
            every nuisance is profiled in each fit (CLs+b only). \
            Example: nue coverage --detector kamland --events 3000 --true 1e-11 --toys 2000 --method fc --json
            """)

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case asimov
        case fc
    }

    @OptionGroup var scenario: ScenarioOptions
    @Option(name: .customLong("true"), parsing: .unconditional, help: "True value (κ in μ_B, or g).")
    var trueValue: Double
    @Option(name: .customLong("toys"), help: "Number of toys, 1…10⁹.")
    var toyCountValue: Double
    @Option(help: "asimov or fc.")
    var method: Method
    @OptionGroup var seedOption: SeedOption
    var seed: UInt64 { seedOption.seed }
    @Option(name: .customLong("critical-toys"), help: "Toys for the FC critical value, 10…10⁹ (default: --toys).")
    var criticalToyCountValue: Double?
    @OptionGroup var threadsOption: ThreadsOption
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }
    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        guard !(scenario.limit == .cls && method == .fc) else {
            throw CommandFailure("--limit cls: CLs applies to --method asimov; Feldman–Cousins (--method fc) orders by likelihood ratio, not CLs")
        }
        try requireFinite(trueValue, "--true")
        guard trueValue >= 0 else { throw CommandFailure("--true must be ≥ 0, got \(trueValue)") }
        _ = try toys
        _ = try criticalToys
    }

    /// --toys and --critical-toys, checked as numbers before any integer conversion.
    var toys: Int { get throws { try wholeNumber(toyCountValue, "--toys", in: 1...1_000_000_000) } }
    var criticalToys: Int? {
        get throws { try criticalToyCountValue.map { try wholeNumber($0, "--critical-toys", in: 10...1_000_000_000) } }
    }

    struct Output: Encodable {
        let method: String
        /// CLs+b or CLs (asimov only).
        let limit_method: String
        let parameter: String
        let true_value: Double
        let coverage: Double?
        let coverage_error: Double?
        let toys: Int
        let failed_fits: Int
        let critical_value: Double?
        let cl: Double
        let seed: UInt64
    }

    func run() throws {
        let fit = try FitScenario(scenario)
        var systematic: SystematicModelFit?
        if !fit.study.systematics.isEmpty {
            guard scenario.limit == .clsb else {
                throw CommandFailure("--limit cls with --systematics \(scenario.systematics): nue coverage profiles systematics with CLs+b only; use --limit clsb")
            }
            systematic = try runtime { try fit.study.systematicFit(templates: fit.templates) }
        }
        let progress = ToyProgress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        let study = try runtime {
            try CoverageStudy.run(model: fit.model, statistic: fit.statistic, confidenceLevel: scenario.cl,
                                  method: method == .fc ? .feldmanCousins : .asimov, trueValue: fit.theta(quoted: trueValue),
                                  toys: toys, seed: seed, criticalToys: criticalToys, threads: try threadsOption.count(),
                                  progress: progress.callback, limitMethod: scenario.limit, systematicModel: systematic?.model)
        }
        let output = Output(method: method.rawValue, limit_method: scenario.limit.rawValue, parameter: fit.parameterName, true_value: trueValue,
                            coverage: finite(study.coverage), coverage_error: finite(study.coverageError), toys: study.toys,
                            failed_fits: study.failedFits, critical_value: finite(study.criticalValue), cl: scenario.cl, seed: seed)
        if json { try printJSON(output) } else {
            print("\(method.rawValue) (\(scenario.limit.label)) coverage at \(fit.parameterName) = \(trueValue): \(study.coverage) ± \(study.coverageError) (\(study.toys) toys, \(study.failedFits) failed; nominal \(scenario.cl))")
        }
    }
}
