import Foundation
import Physics
import Simulation
import Statistics
import Output

/// Runs every analysis a run card lists and writes `outputs/<card>/`: `table.md` (every
/// analysis table), `table.csv` (the first analysis table), `table_<analysis>.csv` (the others),
/// the plot data files and `result.json` with provenance. Each table row has a `status`
/// column: a row whose computation fails says so and the run goes on.
///
/// Analyses (`macros/README.md`): asimov, spectra, delta-chi2, toys, coverage, gm-exclusion,
/// threshold-scan, norm-scan, sin2w-precision, exposure, argon, background-breakdown. Everything is deterministic: the same
/// card gives the same bytes in every CSV whatever the thread count.
public struct StudyRunner: Sendable {
    /// Run-time settings that do not change results.
    public struct Options: Sendable {
        /// Worker threads (nil: the card's `toys.threads`, else all cores).
        public var threads: Int?
        /// One short line per finished row (nil: silent).
        public var progress: (@Sendable (String) -> Void)?
        /// Fixed provenance fields (tests); nil: now and `git rev-parse HEAD`.
        public var date: Date?
        public var gitCommit: String?

        public init(threads: Int? = nil, progress: (@Sendable (String) -> Void)? = nil, date: Date? = nil,
                    gitCommit: String? = nil) {
            self.threads = threads
            self.progress = progress
            self.date = date
            self.gitCommit = gitCommit
        }
    }

    /// What a run produced.
    public struct Outcome: Sendable {
        public var outputs: [AnalysisOutput]
        /// Paths written.
        public var written: [String]
        /// Rows that failed, over all analyses.
        public var failures: Int { outputs.reduce(0) { $0 + $1.failures } }
    }

    public let loaded: LoadedCard
    public let options: Options

    public init(card: LoadedCard, options: Options = Options()) {
        self.loaded = card
        self.options = options
    }

    /// Runs the analyses and writes the outputs into `directory`.
    /// - Throws: only when nothing can be computed (unreadable source spectrum) or written.
    public func run(into directory: OutputDirectory) throws -> Outcome {
        let card = loaded.card
        let cardDirectory = (loaded.path as NSString).deletingLastPathComponent
        let spectrum = try card.sourceSpectrum(cardDirectory: cardDirectory.isEmpty ? "." : cardDirectory)
        let threads = options.threads ?? card.toys?.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let context = StudyContext(card: card, spectrum: spectrum, threads: threads, progress: options.progress,
                                   cardDirectory: cardDirectory.isEmpty ? "." : cardDirectory)
        var outputs: [AnalysisOutput] = []
        for analysis in card.analyses {
            outputs.append(try run(analysis, context: context))
        }
        let written = try write(outputs, into: directory)
        return Outcome(outputs: outputs, written: written)
    }

    /// The dispatcher: one analysis of the card.
    func run(_ analysis: RunCard.Analysis, context: StudyContext) throws -> AnalysisOutput {
        switch analysis {
        case .asimov: return try AsimovAnalysis.run(context)
        case .spectra: return try SpectraAnalysis.run(context)
        case .deltaChi2: return try DeltaChi2Analysis.run(context)
        case .toys: return try ToyLimitAnalysis.run(context)
        case .coverage: return try CoverageAnalysis.run(context)
        case .gmExclusion: return try ExclusionAnalysis.run(context)
        case .thresholdScan: return try ScanAnalysis.thresholds(context)
        case .normScan: return try ScanAnalysis.normSigmas(context)
        case .sin2wPrecision: return try Sin2ThetaWAnalysis.run(context)
        case .exposure: return try ExposureAnalysis.run(context)
        case .argon: return try ArgonStudyAnalysis.run(context)
        case .backgroundBreakdown: return try BackgroundBreakdownAnalysis.run(context)
        case .systematicsBreakdown: return try SystematicsBreakdownAnalysis.run(context)
        case .systematicsToys: return try SystematicsToysAnalysis.run(context)
        }
    }

    /// Writes the tables, data files and `result.json` as `card.outputs` asks.
    func write(_ outputs: [AnalysisOutput], into directory: OutputDirectory) throws(OutputError) -> [String] {
        let card = loaded.card
        // Each analysis's table, then its extra tables (CSV and Markdown for those that ask for them).
        let tables: [AnalysisOutput.ExtraTable] = outputs.flatMap { output in
            (output.table.map { [AnalysisOutput.ExtraTable(name: output.analysis.rawValue, table: $0, csv: true, markdown: true)] } ?? [])
                + output.extraTables
        }
        var written: [String] = []
        try directory.create()
        let csvTables = tables.filter(\.csv)
        if card.outputs.csv, let main = csvTables.first {
            written += try directory.writeTable(main.table, markdown: false, csv: true)
            for extra in csvTables.dropFirst() {
                written.append(try directory.writeData(extra.table, name: "table_\(extra.name)"))
            }
        }
        if card.outputs.table, !tables.isEmpty {
            let text = "# \(card.title)\n\n" + tables.filter(\.markdown).map { $0.table.markdown() }.joined(separator: "\n")
            let path = directory.file("table.md")
            try AtomicFile.write(text, to: path)
            written.append(path)
        }
        if card.outputs.plots {
            for output in outputs {
                for item in output.data { written.append(try directory.writeData(item.table, name: item.name)) }
            }
        }
        for output in outputs {
            for document in output.documents { written.append(try directory.writeDocument(document.text, name: document.name)) }
        }
        if card.outputs.json {
            // The seed: the card's toy seed, else the argon block's (brute-force check).
            let seed = card.toys?.seed ?? (card.analyses.contains(.argon) ? (card.argon ?? RunCard.Argon()).seed : nil)
            let provenance = Provenance.current(card: loaded, seed: seed, date: options.date ?? Date(), gitCommit: options.gitCommit)
            let results: JSONValue = .object([
                ("analyses", .array(outputs.map { .string($0.analysis.rawValue) })),
                ("failed_rows", .number(Double(outputs.reduce(0) { $0 + $1.failures }))),
                ("details", .object(outputs.compactMap { output in output.results.map { (output.analysis.rawValue, $0) } })),
            ])
            let document = ResultDocument(provenance: provenance, card: card,
                                          tables: tables.map { ($0.name, $0.table) }, results: results)
            written.append(try directory.writeResult(document))
        }
        return written
    }
}
