import ArgumentParser
import Benchmarks
import Foundation
import Simulation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Throughput: events generated and simulated per second (1 thread and all threads), peak memory.",
        discussion: "Build with -c release for meaningful numbers: swift run -c release nue bench --json")

    @Option(help: "Detector preset.")
    var detector: String = "kamland"
    @Option(help: "Events per generator measurement, 1…10¹⁰.")
    var events: Double = 20_000_000
    @OptionGroup var threadsOption: ThreadsOption
    @Option(help: "Toys per fitter measurement, 1…10⁹ (KamLAND-like magnetic-moment model, 3 000 SM events, 0.25 MeV bins).")
    var toys: Double = 200_000
    @Flag(help: "Only the fitter figures (toy fits and limits per second).")
    var fitterOnly = false
    @Option(name: .customLong("argon-decays"),
            help: "⁴²Ar/⁴²K decays per brute-force measurement, 0…10¹² (0: skip the argon figures).")
    var argonDecays: Double = 50_000_000
    @Option(help: "Toys of the systematics-fit measurement, 0…10⁶ (KamLAND > 3 MeV, three backgrounds, five systematics; 0: skip).")
    var systematicToys: Double = 5_000
    @Option(help: "Write that measurement's pyhf workspace here (make bench times pyhf on it: scripts/pyhf_toy_rate.py).")
    var systematicWorkspace: String?
    @OptionGroup var jsonOption: JSONOption
    var json: Bool { jsonOption.json }

    func validate() throws {
        _ = try wholeNumber(events, "--events", in: 1...10_000_000_000)
        _ = try wholeNumber(toys, "--toys", in: 1...1_000_000_000)
        _ = try wholeNumber(argonDecays, "--argon-decays", in: 0...1_000_000_000_000)
        _ = try wholeNumber(systematicToys, "--systematic-toys", in: 0...1_000_000)
        guard Detector.presetNames.contains(detector) else {
            throw CommandFailure("unknown --detector '\(detector)'; choose one of \(Detector.presetNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        let threads = try threadsOption.count()
        var options = BenchmarkSuite.Options()
        options.detector = detector
        options.events = Int(events)
        options.threads = threads
        options.toys = Int(toys)
        options.fitterOnly = fitterOnly
        options.argonDecays = Int(argonDecays)
        options.systematicToys = Int(systematicToys)
        options.systematicWorkspace = systematicWorkspace
        let report = try BenchmarkSuite.run(options)
        if json { try printJSON(report); return }
        let rate = { (x: Double?) in x.map { String(Int($0)) } ?? "n/a" }
        if !fitterOnly {
            print("generate+simulate, 1 thread   \(rate(report.generate_events_per_second_one_thread)) events/s")
            print("generate+simulate, \(threads) threads  \(rate(report.generate_events_per_second)) events/s")
            print("templates (one scenario)      \(String(format: "%.3f s", report.template_build_seconds ?? .nan))")
            print("generator set-up              \(String(format: "%.3f s", report.generator_setup_seconds ?? .nan))")
            print("with radiative corrections:")
            print("  generate+simulate, 1 thread \(rate(report.generate_events_per_second_one_thread_radiative_corrections)) events/s")
            print("  generate+simulate, \(threads) threads \(rate(report.generate_events_per_second_radiative_corrections)) events/s")
            print("  templates (one scenario)    \(String(format: "%.3f s", report.template_build_seconds_radiative_corrections ?? .nan))")
            print("  generator set-up            \(String(format: "%.3f s", report.generator_setup_seconds_radiative_corrections ?? .nan))")
            print("detected ²¹⁰Bi events (JUNO > 0.2 MeV), 1 thread \(rate(report.background_events_per_second_one_thread)) /s")
            print("full-chain toys, JUNO > 0.2 MeV with backgrounds, \(threads) threads: "
                  + "\(String(format: "%.3f", report.full_chain_toys_per_second_juno_0p2 ?? .nan)) /s "
                  + "(\(String(format: "%.3g", report.full_chain_events_per_toy_juno_0p2 ?? .nan)) events per toy)")
        }
        print("toy fits, 1 thread            \(rate(report.toy_fits_per_second_one_thread)) /s")
        print("toy fits, \(threads) threads           \(rate(report.toy_fits_per_second)) /s")
        print("toy limits, 1 thread          \(rate(report.toy_limits_per_second_one_thread)) /s")
        print("toy limits, \(threads) threads         \(rate(report.toy_limits_per_second)) /s")
        if let all = report.argon_bruteforce_decays_per_second {
            print("42Ar/42K brute force, 1 thread \(rate(report.argon_bruteforce_decays_per_second_one_thread)) decays/s")
            print("42Ar/42K brute force, \(threads) threads \(Int(all)) decays/s (1e10: \(Int(1e10 / all)) s)")
            print("42Ar/42K fast path            \(String(format: "%.4f s", report.argon_fast_path_seconds ?? .nan))")
        }
        print("peak memory                   \(report.peak_memory_mb.map { String(format: "%.1f MB", $0) } ?? "n/a")")
    }
}
