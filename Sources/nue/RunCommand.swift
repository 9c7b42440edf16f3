import ArgumentParser
import Foundation
import Studies

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a study card (macros/NAME.yaml) and write outputs/NAME/: tables, plot data, result.json.",
        discussion: """
            Runs every analysis the card lists (asimov, spectra, delta-chi2, toys, coverage, gm-exclusion, \
            threshold-scan, norm-scan, sin2w-precision, exposure; macros/README.md). A row that fails is \
            reported in the table's status column and the run goes on; the exit status is 0 when every row \
            succeeded, 1 otherwise. Progress: one short line per row on stderr (--quiet silences it).
            Example: nue run macros/isodar-sensitivity.yaml
            """)

    @Argument(help: "The run card (YAML, format nue-card/1).")
    var card: String
    @Option(help: "Output directory (default: the card's outputs.directory, else outputs/<card name>).")
    var out: String?
    @OptionGroup var threadsOption: ThreadsOption
    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    func run() throws {
        let loaded: LoadedCard
        do { loaded = try RunCard.load(path: card) } catch { throw CommandFailure(error) }
        let directory = out.map(OutputDirectory.init(path:)) ?? OutputDirectory(card: loaded)
        var progress: (@Sendable (String) -> Void)?
        if !quiet {
            progress = { @Sendable line in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        }
        // Without --threads, a card's toys.threads, else the shared default (all cores).
        let threads = try threadsOption.explicitCount()
        let runner = StudyRunner(card: loaded, options: .init(threads: threads, progress: progress))
        let outcome: StudyRunner.Outcome
        do { outcome = try runner.run(into: directory) } catch { throw CommandFailure("\(card): \(error)") }
        if !quiet {
            FileHandle.standardError.write(Data("wrote \(outcome.written.count) files to \(directory.path)\n".utf8))
        }
        if outcome.failures > 0 {
            FileHandle.standardError.write(Data("\(outcome.failures) row(s) failed; see the status column of \(directory.file("table.md"))\n".utf8))
            throw ExitCode(1)
        }
    }
}
