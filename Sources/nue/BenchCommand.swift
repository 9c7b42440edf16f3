import ArgumentParser
import Foundation
import Physics
import Simulation

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
    @Flag(help: "Print one JSON object.")
    var json = false

    /// The bench report; other helpers add their figures (toy fits, limits) as optional fields.
    struct Report: Encodable {
        var generate_events_per_second: Double
        var generate_events_per_second_one_thread: Double
        var threads: Int
        var events: Int
        var bound_violations: Int
        var acceptance_efficiency: Double
        var template_build_seconds: Double
        var peak_memory_mb: Double?
        var detector: String
        var toy_fits_per_second: Double?
        var toy_limits_per_second: Double?
    }

    func validate() throws {
        guard events > 0 else { throw ValidationError("--events must be > 0") }
        guard threads >= 1 else { throw ValidationError("--threads must be ≥ 1") }
        guard Detector.presetNames.contains(detector) else {
            throw ValidationError("unknown --detector '\(detector)'; choose one of \(Detector.presetNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        let scenario = try Scenario(detector: try Detector.preset(named: detector), spectrum: try Physics.Lithium8Spectrum.make())
        let templates = try scenario.templates()
        let one = try GeneratorBenchmark.run(scenario: scenario, events: events, threads: 1, templates: templates)
        let all = try GeneratorBenchmark.run(scenario: scenario, events: events, threads: threads, templates: templates)
        let report = Report(generate_events_per_second: all.eventsPerSecond,
                            generate_events_per_second_one_thread: one.eventsPerSecond, threads: threads,
                            events: events, bound_violations: one.boundViolations + all.boundViolations,
                            acceptance_efficiency: one.acceptanceEfficiency,
                            template_build_seconds: try GeneratorBenchmark.templateBuildSeconds(scenario: scenario),
                            peak_memory_mb: GeneratorBenchmark.peakMemoryMB(), detector: detector,
                            toy_fits_per_second: nil, toy_limits_per_second: nil)
        if json { try printJSON(report) } else {
            print("generate+simulate, 1 thread   \(Int(one.eventsPerSecond)) events/s")
            print("generate+simulate, \(threads) threads  \(Int(all.eventsPerSecond)) events/s")
            print("templates (one scenario)      \(String(format: "%.3f s", report.template_build_seconds))")
            print("peak memory                   \(report.peak_memory_mb.map { String(format: "%.1f MB", $0) } ?? "n/a")")
        }
    }
}
