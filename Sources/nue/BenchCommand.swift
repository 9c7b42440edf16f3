import ArgumentParser
import Foundation
import Physics
import Simulation
import Statistics

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Throughput: events generated and simulated per second (1 thread and all threads), peak memory.",
        discussion: "Build with -c release for meaningful numbers: swift run -c release nue bench --json")

    @Option(help: "Detector preset.")
    var detector: String = "kamland"
    @Option(help: "Events per measurement.")
    var events: Int = 20_000_000
    @Option(help: "Threads for the parallel measurement (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Toys per fitter measurement (KamLAND-like magnetic-moment model, 3 000 SM events, 0.25 MeV bins).")
    var toys: Int = 200_000
    @Flag(help: "Only the fitter figures (toy fits and limits per second).")
    var fitterOnly = false
    @Option(name: .customLong("argon-decays"), help: "⁴²Ar/⁴²K decays per brute-force measurement (0: skip the argon figures).")
    var argonDecays: Int = 50_000_000
    @Flag(help: "Print one JSON object.")
    var json = false

    /// The bench report; other helpers add their figures (toy fits, limits) as optional fields.
    struct Report: Encodable {
        var generate_events_per_second: Double?
        var generate_events_per_second_one_thread: Double?
        var threads: Int
        var events: Int
        var bound_violations: Int
        var acceptance_efficiency: Double?
        var template_build_seconds: Double?
        var peak_memory_mb: Double?
        var detector: String
        var toy_fits_per_second: Double?
        var toy_limits_per_second: Double?
        var toy_fits_per_second_one_thread: Double?
        var toy_limits_per_second_one_thread: Double?
        var argon_bruteforce_decays_per_second: Double?
        var argon_bruteforce_decays_per_second_one_thread: Double?
        var argon_bruteforce_projected_seconds_1e10: Double?
        var argon_bruteforce_projected_seconds_five_years: Double?
        var argon_fast_path_seconds: Double?
    }

    func validate() throws {
        guard events > 0 else { throw ValidationError("--events must be > 0") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1") }
        guard toys > 0 else { throw ValidationError("--toys must be > 0") }
        guard argonDecays >= 0 else { throw ValidationError("--argon-decays must be ≥ 0") }
        guard Detector.presetNames.contains(detector) else {
            throw ValidationError("unknown --detector '\(detector)'; choose one of \(Detector.presetNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        var generateOne = Double.nan, generateAll = Double.nan, violations = 0
        var acceptance: Double?, templateSeconds: Double?
        if !fitterOnly {
            let scenario = try Scenario(detector: try Detector.preset(named: detector), spectrum: try Physics.Lithium8Spectrum.make())
            let templates = try scenario.templates()
            let one = try GeneratorBenchmark.run(scenario: scenario, events: events, threads: 1, templates: templates)
            let all = try GeneratorBenchmark.run(scenario: scenario, events: events, threads: threads, templates: templates)
            generateOne = one.eventsPerSecond
            generateAll = all.eventsPerSecond
            violations = one.boundViolations + all.boundViolations
            acceptance = one.acceptanceEfficiency
            templateSeconds = try GeneratorBenchmark.templateBuildSeconds(scenario: scenario)
        }
        let fitterOne = try FitterBenchmark.run(threads: 1, toys: toys)
        let fitterAll = threads == 1 ? fitterOne : try FitterBenchmark.run(threads: threads, toys: toys)
        var argonAll: Argon42Benchmark.Result?, argonOne: Argon42Benchmark.Result?, fastPath: Double?
        if !fitterOnly && argonDecays > 0 {
            argonOne = try Argon42Benchmark.bruteForce(decays: argonDecays, threads: 1)
            argonAll = threads == 1 ? argonOne : try Argon42Benchmark.bruteForce(decays: argonDecays, threads: threads)
            fastPath = try Argon42Benchmark.fastPathSeconds()
        }
        var report = Report(generate_events_per_second: finite(generateAll),
                            generate_events_per_second_one_thread: finite(generateOne), threads: threads,
                            events: events, bound_violations: violations,
                            acceptance_efficiency: acceptance, template_build_seconds: templateSeconds,
                            peak_memory_mb: GeneratorBenchmark.peakMemoryMB(), detector: detector,
                            toy_fits_per_second: fitterAll.toyFitsPerSecond, toy_limits_per_second: fitterAll.toyLimitsPerSecond,
                            toy_fits_per_second_one_thread: fitterOne.toyFitsPerSecond,
                            toy_limits_per_second_one_thread: fitterOne.toyLimitsPerSecond)
        if let argonAll, let argonOne {
            report.argon_bruteforce_decays_per_second = argonAll.decaysPerSecond
            report.argon_bruteforce_decays_per_second_one_thread = argonOne.decaysPerSecond
            report.argon_bruteforce_projected_seconds_1e10 = 1e10 / argonAll.decaysPerSecond
            report.argon_bruteforce_projected_seconds_five_years = Argon42Chain().totalDecays / argonAll.decaysPerSecond
            report.argon_fast_path_seconds = fastPath
        }
        if json { try printJSON(report) } else {
            if !fitterOnly {
                print("generate+simulate, 1 thread   \(Int(generateOne)) events/s")
                print("generate+simulate, \(threads) threads  \(Int(generateAll)) events/s")
                print("templates (one scenario)      \(String(format: "%.3f s", templateSeconds ?? .nan))")
            }
            print("toy fits, 1 thread            \(Int(fitterOne.toyFitsPerSecond)) /s")
            print("toy fits, \(threads) threads           \(Int(fitterAll.toyFitsPerSecond)) /s")
            print("toy limits, 1 thread          \(Int(fitterOne.toyLimitsPerSecond)) /s")
            print("toy limits, \(threads) threads         \(Int(fitterAll.toyLimitsPerSecond)) /s")
            if let argonAll, let argonOne {
                print("42Ar/42K brute force, 1 thread \(Int(argonOne.decaysPerSecond)) decays/s")
                print("42Ar/42K brute force, \(threads) threads \(Int(argonAll.decaysPerSecond)) decays/s (1e10: \(Int(1e10 / argonAll.decaysPerSecond)) s)")
                print("42Ar/42K fast path            \(String(format: "%.4f s", fastPath ?? .nan))")
            }
            print("peak memory                   \(report.peak_memory_mb.map { String(format: "%.1f MB", $0) } ?? "n/a")")
        }
    }
}
