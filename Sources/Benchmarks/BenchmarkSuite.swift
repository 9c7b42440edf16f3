import Foundation
import Physics
import Simulation
import Statistics

/// Every throughput figure `nue bench` reports, measured in one run: events generated and
/// simulated, template building, toy fits and limits, the ⁴²Ar/⁴²K brute force and its fast
/// path, and peak memory. Build with `-c release` for meaningful numbers.
public enum BenchmarkSuite {
    /// What to measure.
    public struct Options: Sendable {
        /// Detector preset of the generator measurement.
        public var detector: String = "kamland"
        /// Events per generator measurement.
        public var events: Int = 20_000_000
        /// Threads of the parallel measurements (default: all cores).
        public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
        /// Toys per fitter measurement.
        public var toys: Int = 200_000
        /// Only the fitter figures.
        public var fitterOnly = false
        /// Toys of the JUNO > 0.2 MeV full-chain measurement (one per thread at least).
        public var fullChainToys: Int = 4
        /// ⁴²Ar/⁴²K decays per brute-force measurement (0: skip the argon figures).
        public var argonDecays: Int = 50_000_000
        /// Toys of the systematics fit measurement (0: skip it); 5 000 take ~0.5 s at ~10⁴ toy tests/s,
        /// long enough for the timer.
        public var systematicToys: Int = 5_000
        /// Where to write that measurement's pyhf workspace (for `scripts/pyhf_toy_rate.py`).
        public var systematicWorkspace: String?

        public init() {}
    }

    /// The report (`nue bench --json`, `outputs/bench/bench.json`); key names are part of the
    /// command-line contract.
    public struct Report: Encodable, Sendable {
        public var generate_events_per_second: Double?
        public var generate_events_per_second_one_thread: Double?
        public var threads: Int
        public var events: Int
        public var bound_violations: Int
        public var acceptance_efficiency: Double?
        public var template_build_seconds: Double?
        public var generator_setup_seconds: Double?
        /// The same three figures with the BKS radiative corrections on (docs/physics.md §9.5).
        public var generate_events_per_second_radiative_corrections: Double?
        public var generate_events_per_second_one_thread_radiative_corrections: Double?
        public var template_build_seconds_radiative_corrections: Double?
        public var generator_setup_seconds_radiative_corrections: Double?
        /// Detected ²¹⁰Bi events sampled per second in JUNO above 0.2 MeV, one thread (`BackgroundSamplingBenchmark`).
        public var background_events_per_second_one_thread: Double?
        /// Full-chain toy data sets per second, JUNO > 0.2 MeV with every preset background (`FullChainBackgroundBenchmark`).
        public var full_chain_toys_per_second_juno_0p2: Double?
        public var toy_fits_per_second_systematics: Double?
        public var toy_tests_per_second_systematics: Double?
        public var failed_fits_systematics: Int?
        public var parameters_systematics: Int?
        /// Detected events (signal and backgrounds) in one of those toys, on average.
        public var full_chain_events_per_toy_juno_0p2: Double?
        public var peak_memory_mb: Double?
        public var detector: String
        public var toy_fits_per_second: Double?
        public var toy_limits_per_second: Double?
        public var toy_fits_per_second_one_thread: Double?
        public var toy_limits_per_second_one_thread: Double?
        /// Toy fits per second, one thread, with three background components (`FitterBenchmark`).
        public var toy_fits_per_second_one_thread_three_backgrounds: Double?
        /// Toy upper limits per second, one thread, with the same three background components.
        public var toy_limits_per_second_one_thread_three_backgrounds: Double?
        /// Failed fits among those toys.
        public var failed_fits_three_backgrounds: Int?
        public var argon_bruteforce_decays_per_second: Double?
        public var argon_bruteforce_decays_per_second_one_thread: Double?
        public var argon_bruteforce_projected_seconds_1e10: Double?
        public var argon_bruteforce_projected_seconds_five_years: Double?
        public var argon_fast_path_seconds: Double?
        /// Seconds to refold every template of KamLAND > 3 MeV (4 signal terms, 3 backgrounds) at one
        /// shifted response point (`TemplateMorphingBenchmark`, docs/physics.md §16.5).
        public var template_refold_seconds_kamland: Double?
        /// Seconds for one code4p interpolation of the same templates (7 samples × 5 nuisances, with gradient).
        public var template_interpolation_seconds_kamland: Double?
    }

    /// Generation (1 and all threads), generator set-up and template building for one scenario.
    struct GenerationFigures {
        var one: GeneratorBenchmark.Result
        var all: GeneratorBenchmark.Result
        var templateSeconds: Double
    }

    static func generation(_ options: Options, radiativeCorrections: Bool) throws -> GenerationFigures {
        let scenario = try Scenario(detector: try Detector.preset(named: options.detector),
                                    spectrum: try Lithium8Spectrum.make(), radiativeCorrections: radiativeCorrections)
        let templates = try scenario.templates()
        let one = try GeneratorBenchmark.run(scenario: scenario, events: options.events, threads: 1, templates: templates)
        let all = try GeneratorBenchmark.run(scenario: scenario, events: options.events, threads: options.threads,
                                             templates: templates)
        return GenerationFigures(one: one, all: all, templateSeconds: try GeneratorBenchmark.templateBuildSeconds(scenario: scenario))
    }

    /// Runs the measurements of `options`.
    public static func run(_ options: Options) throws -> Report {
        var generateOne = Double.nan, generateAll = Double.nan, violations = 0
        var acceptance: Double?, templateSeconds: Double?, setupSeconds: Double?
        var corrected: GenerationFigures?
        if !options.fitterOnly {
            let tree = try generation(options, radiativeCorrections: false)
            generateOne = tree.one.eventsPerSecond
            generateAll = tree.all.eventsPerSecond
            acceptance = tree.one.acceptanceEfficiency
            templateSeconds = tree.templateSeconds
            setupSeconds = tree.one.setupSeconds
            let rc = try generation(options, radiativeCorrections: true)
            violations = tree.one.boundViolations + tree.all.boundViolations + rc.one.boundViolations + rc.all.boundViolations
            corrected = rc
        }
        let fitterOne = try FitterBenchmark.run(threads: 1, toys: options.toys)
        let fitterAll = options.threads == 1 ? fitterOne : try FitterBenchmark.run(threads: options.threads, toys: options.toys)
        var report = Report(
            generate_events_per_second: generateAll.isFinite ? generateAll : nil,
            generate_events_per_second_one_thread: generateOne.isFinite ? generateOne : nil, threads: options.threads,
            events: options.events, bound_violations: violations, acceptance_efficiency: acceptance,
            template_build_seconds: templateSeconds, peak_memory_mb: nil,
            detector: options.detector, toy_fits_per_second: fitterAll.toyFitsPerSecond,
            toy_limits_per_second: fitterAll.toyLimitsPerSecond, toy_fits_per_second_one_thread: fitterOne.toyFitsPerSecond,
            toy_limits_per_second_one_thread: fitterOne.toyLimitsPerSecond)
        if !options.fitterOnly && options.argonDecays > 0 {
            let one = try Argon42Benchmark.bruteForce(decays: options.argonDecays, threads: 1)
            let all = options.threads == 1 ? one : try Argon42Benchmark.bruteForce(decays: options.argonDecays,
                                                                                      threads: options.threads)
            report.argon_bruteforce_decays_per_second = all.decaysPerSecond
            report.argon_bruteforce_decays_per_second_one_thread = one.decaysPerSecond
            report.argon_bruteforce_projected_seconds_1e10 = 1e10 / all.decaysPerSecond
            report.argon_bruteforce_projected_seconds_five_years = Argon42Chain().totalDecays / all.decaysPerSecond
            report.argon_fast_path_seconds = try Argon42Benchmark.fastPathSeconds()
        }
        report.generator_setup_seconds = setupSeconds
        let withBackgrounds = try FitterBenchmark.run(threads: 1, toys: options.toys, backgrounds: true)
        report.toy_fits_per_second_one_thread_three_backgrounds = withBackgrounds.toyFitsPerSecond
        report.toy_limits_per_second_one_thread_three_backgrounds = withBackgrounds.toyLimitsPerSecond
        report.failed_fits_three_backgrounds = withBackgrounds.failedFits
        if options.systematicToys > 0 {
            let systematic = try SystematicFitBenchmark.run(toys: options.systematicToys, workspace: options.systematicWorkspace)
            report.toy_fits_per_second_systematics = systematic.toyFitsPerSecond
            report.toy_tests_per_second_systematics = systematic.toyTestsPerSecond
            report.failed_fits_systematics = systematic.failedFits
            report.parameters_systematics = systematic.parameters
        }
        if !options.fitterOnly {
            report.background_events_per_second_one_thread = try BackgroundSamplingBenchmark.eventsPerSecond(events: options.events)
            let fullChain = try FullChainBackgroundBenchmark.run(toys: options.fullChainToys, threads: options.threads)
            report.full_chain_toys_per_second_juno_0p2 = fullChain.toysPerSecond
            report.full_chain_events_per_toy_juno_0p2 = fullChain.meanEventsPerToy
            let morphing = try TemplateMorphingBenchmark.run()
            report.template_refold_seconds_kamland = morphing.refoldSeconds
            report.template_interpolation_seconds_kamland = morphing.interpolationSeconds
        }
        if let corrected {
            report.generate_events_per_second_radiative_corrections = corrected.all.eventsPerSecond
            report.generate_events_per_second_one_thread_radiative_corrections = corrected.one.eventsPerSecond
            report.template_build_seconds_radiative_corrections = corrected.templateSeconds
            report.generator_setup_seconds_radiative_corrections = corrected.one.setupSeconds
        }
        report.peak_memory_mb = GeneratorBenchmark.peakMemoryMB()
        return report
    }
}
