import ArgumentParser
import Foundation
import Simulation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate and simulate events of a scenario into a CSV or NuHepMC file.",
        discussion: """
            Default: one Poisson-fluctuated toy data set (detected events; mean = expected events above \
            threshold). --count N writes exactly N detected events. SM only unless --mu-nu or --g adds \
            new physics. The output is identical for any --threads. The file is written to a temporary file \
            beside it and renamed when complete (an error, SIGINT or SIGTERM leave no temporary file and an \
            existing file untouched); a non-regular --output such as /dev/null is written through, never replaced.
            --format hepmc3 (alias nuhepmc) writes NuHepMC v1.0 whose NuHepMC.FluxAveragedTotalCrossSection (pb per \
            electron) is that of the detected events in the file. --backgrounds adds detected background events after \
            the signal's: a component column in CSV, a process ID per component in NuHepMC (README "NuHepMC").
            Example: nue generate --detector kamland --threshold 3 --seed 1 --format csv --output toy.csv
            """)

    /// The event-file format; `nuhepmc` is an alias of `hepmc3` (both write NuHepMC v1.0.0 on
    /// HepMC3 Asciiv3, `NuHepMCWriter`).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case hepmc3
        case nuhepmc
    }

    @OptionGroup var scenario: ScenarioOptions
    @Option(help: "Write exactly this many detected events instead of a Poisson toy (1…\(GenerateCommand.maximumCount)).")
    var count: Double?
    @OptionGroup var seedOption: SeedOption
    var seed: UInt64 { seedOption.seed }
    @Option(help: "Output format: csv, or hepmc3 (alias nuhepmc) for NuHepMC v1.0 on HepMC3 ASCII.")
    var format: Format
    @OptionGroup var outputOption: OutputFileOption
    var output: String { outputOption.output ?? "" }
    @OptionGroup var threadsOption: ThreadsOption
    @Option(parsing: .unconditional, help: "Neutrino magnetic moment κ = μν/μ_B.")
    var muNu: Double = 0
    @Option(parsing: .unconditional, help: "Universal Z′ coupling g (g_ν = g_e = g).")
    var g: Double = 0
    @Flag(help: "Weighted events (allows destructive interference; weights have mean 1).")
    var weighted = false
    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        _ = try eventCount
        _ = try threadCount
        try requireFinite(muNu, "--mu-nu")
        try requireFinite(g, "--g")
        _ = try outputOption.required()
        if let text = scenario.backgrounds, text != "none" {
            guard count == nil else {
                throw CommandFailure("--backgrounds: --count fixes the number of signal events only; give no --count for a Poisson data set of signal and backgrounds")
            }
        }
    }

    /// The most events --count may ask for: 10¹² (the event files stream, so memory is no
    /// limit; this keeps every count exact in the 64-bit counters and a file below ≈ 100 TB).
    static let maximumCount = 1_000_000_000_000

    /// --count as a whole number in 1…`maximumCount`.
    var eventCount: Int? { get throws { try count.map { try wholeNumber($0, "--count", in: 1...Self.maximumCount) } } }

    /// --threads as a whole number in 1…1024.
    var threadCount: Int { get throws { try threadsOption.count() } }

    func run() throws {
        try scenario.requireNoSystematics("generate")
        let count = try eventCount
        let threads = try threadCount
        let study = try self.scenario.studyScenario()
        let scenario = study.simulation
        let model = scenario.model(kappa: muNu, g: g)
        let templates = try runtime { try scenario.templates() }
        let backgrounds = try runtime { try study.backgroundToyGenerator(templates: templates, threads: threads) }
        if let backgrounds {
            let events = backgrounds.components.reduce(0) { $0 + $1.expectedDetectedEvents }
            guard events <= Double(Self.maximumCount) else {
                throw CommandFailure("--backgrounds: \(events) background events expected; a generated data set holds at most \(Self.maximumCount)")
            }
        }
        if count == nil {
            // A Poisson toy data set: its mean must fit the event bound, checked before any file exists.
            let mean = templates.generated.combined(for: model)
            guard mean.isFinite, mean <= Double(Self.maximumCount) else {
                throw CommandFailure("--events: this scenario would generate \(mean) interactions on average; a generated data set holds at most \(Self.maximumCount) (lower --events or --years)")
            }
        }
        let pipeline = try runtime {
            try scenario.pipeline(model: model, mode: weighted ? .weighted : .unweighted, threads: threads, templates: templates)
        }
        let metadata = scenario.eventFileMetadata(model: model, templates: templates, seed: seed, weighted: weighted,
                                                  toolVersion: NueVersion.string)
        let writer: any EventWriter = try runtime {
            switch format {
            case .csv: try CSVEventWriter(path: output, withComponents: backgrounds != nil)
            case .hepmc3, .nuhepmc:
                try NuHepMCWriter(path: output, metadata: metadata,
                                  backgrounds: backgrounds?.components.map { ($0.name, $0.expectedDetectedEvents) } ?? [])
            }
        }
        let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        do {
            let summary: EventPipeline.Summary
            var written = 0
            if let count {
                summary = try pipeline.runDetected(seed: seed, count: count) { event in
                    try writer.write(event)
                    written += 1
                    progress.report(written, of: count)
                }
            } else {
                let n = scenario.toyInteractionCount(model: model, seed: seed, templates: templates)
                summary = try pipeline.run(seed: seed, events: n) { block in
                    for e in block where e.detected { try writer.write(e); written += 1 }
                    progress.report(written, of: nil)
                    return true
                }
            }
            var backgroundWritten = 0
            if let backgrounds, let sink = writer as? any BackgroundEventWriter {
                let names = backgrounds.components.map(\.name)
                try backgrounds.forEachEvent(seed: seed) { e in
                    try sink.writeBackground(energyMeV: e.energyMeV, recoEnergyMeV: e.recoEnergyMeV, component: names[e.component])
                    backgroundWritten += 1
                }
            }
            try writer.finish()
            progress.finish()
            if summary.boundViolations > 0 {
                FileHandle.standardError.write(Data("warning: \(summary.boundViolations) sampling-bound violations\n".utf8))
            }
            if !quiet {
                let expected = templates.aboveThreshold.combined(for: model)
                let picobarn = metadata.fluxAveragedCrossSectionCm2 * NuHepMCRunInfo.picobarnPerSquareCentimeter
                FileHandle.standardError.write(Data("wrote \(written) events to \(output) (\(summary.generated) interactions generated; expected \(expected) above \(scenario.thresholdMeV) MeV; flux-averaged cross section of the detected events \(picobarn) pb per electron)\n".utf8))
                if let backgrounds {
                    let expectedBackground = backgrounds.components.reduce(0) { $0 + $1.expectedDetectedEvents }
                    FileHandle.standardError.write(Data("wrote \(backgroundWritten) background events (expected \(expectedBackground)) from \(backgrounds.components.count) sources\n".utf8))
                }
            }
        } catch {
            writer.abandon()
            throw CommandFailure(error)
        }
    }
}

/// A one-line progress counter on stderr, only when stderr is a terminal.
final class Progress {
    let enabled: Bool
    private var last = 0.0
    init(enabled: Bool) { self.enabled = enabled }

    func report(_ done: Int, of total: Int?) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        guard now - last > 0.2 else { return }
        last = now
        let text = total.map { "\r\(done)/\($0) events" } ?? "\r\(done) events"
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() { if enabled { FileHandle.standardError.write(Data("\n".utf8)) } }
}
