import Foundation
import Output

/// The output layout of one study, `outputs/<card-name>/`:
///
///     table.md      the main table (Markdown)
///     table.csv     the same table (CSV, full precision)
///     result.json   provenance, the card, all tables, free-form results
///     <kind>_<tag>.csv   plot data files (schemas in macros/README.md; see `PlotData`)
///     plots/        PNG and PDF written by macros/plot.py
///
/// Every file is written atomically.
public struct OutputDirectory: Sendable {
    /// The directory path.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `card.outputs.directory`, or `<root>/<card name>`.
    public init(card: LoadedCard, root: String = "outputs") {
        self.path = card.outputDirectory(root: root)
    }

    /// Creates the directory (and its parents) if needed.
    public func create() throws(OutputError) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw .cannotCreateDirectory(path: path, reason: error.localizedDescription)
        }
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `table.md` and/or `table.csv`; returns the paths written.
    @discardableResult
    public func writeTable(_ table: ResultTable, markdown: Bool = true, csv: Bool = true) throws(OutputError) -> [String] {
        try create()
        var written: [String] = []
        if markdown { try AtomicFile.write(table.markdown(), to: file("table.md")); written.append(file("table.md")) }
        if csv { try AtomicFile.write(table.csv(), to: file("table.csv")); written.append(file("table.csv")) }
        return written
    }

    /// Writes `result.json`; returns its path. Nothing is written if encoding fails.
    @discardableResult
    public func writeResult(_ document: ResultDocument) throws(OutputError) -> String {
        try create()
        let target = file("result.json")
        try AtomicFile.write(to: target) { Data(try document.json().serialized().utf8) }
        return target
    }

    /// Writes a plot data file `<name>.csv` (e.g. `spectrum_kamland-3mev`); returns its path.
    @discardableResult
    public func writeData(_ table: ResultTable, name: String) throws(OutputError) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard !name.isEmpty, name != "table", !name.hasPrefix("."), name.allSatisfy(allowed.contains) else {
            throw .invalidDataName(name)
        }
        try create()
        let target = file("\(name).csv")
        try AtomicFile.write(table.csv(), to: target)
        return target
    }

    /// Writes a text document `name` (e.g. `conclusion.md`); returns its path.
    @discardableResult
    public func writeDocument(_ text: String, name: String) throws(OutputError) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard !name.isEmpty, !name.hasPrefix("."), !name.hasPrefix("table."), name != "result.json",
              name.allSatisfy(allowed.contains) else {
            throw .invalidDataName(name)
        }
        try create()
        let target = file(name)
        try AtomicFile.write(text, to: target)
        return target
    }
}
