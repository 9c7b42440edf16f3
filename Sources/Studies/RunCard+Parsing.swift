import Foundation
import Yams

extension RunCard {
    /// Reads and validates the card at `path`. Relative `spectrum_file` paths are resolved
    /// against the card's directory and must exist.
    /// - Throws: `StudyError` naming the file, the line and the key.
    public static func load(path: String) throws(StudyError) -> LoadedCard {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StudyError(file: path, line: 0, key: nil, message: "no run card at this path (no such file)")
        }
        guard !isDirectory.boolValue else {
            throw StudyError(file: path, line: 0, key: nil, message: "is a directory, not a run card (give a .yaml file)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StudyError(file: path, line: 0, key: nil, message: "cannot read the run card (permission denied or not a regular file)")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: CardTextLimits.maximumBytes + 1) ?? Data() } catch {
            throw StudyError(file: path, line: 0, key: nil, message: "cannot read the run card: \(error.localizedDescription)")
        }
        guard data.count <= CardTextLimits.maximumBytes else {
            throw StudyError(file: path, line: 0, key: nil,
                               message: "the run card is larger than \(CardTextLimits.maximumBytes) bytes; a card is a few kB of YAML")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StudyError(file: path, line: 0, key: nil, message: "is not UTF-8 text; a run card is a YAML text file")
        }
        let base = (path as NSString).deletingLastPathComponent
        let card = try parse(yaml: text, file: path, baseDirectory: base.isEmpty ? "." : base)
        return LoadedCard(card: card, path: path, text: text)
    }

    /// Parses and validates card text. `file` labels error messages; when `baseDirectory` is
    /// given, a `spectrum_file` must exist relative to it.
    public static func parse(yaml: String, file: String = "<string>", baseDirectory: String? = nil) throws(StudyError) -> RunCard {
        if let (line, message) = CardTextLimits.violation(in: yaml) {
            throw StudyError(file: file, line: line, key: nil, message: message)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw StudyError(file: file, line: 0, key: nil, message: "not valid YAML: \(error)")
        }
        guard let root else { throw StudyError(file: file, line: 1, key: nil, message: "the run card is empty") }
        return try CardParser(file: file, baseDirectory: baseDirectory).card(CardNode(node: root, path: "", file: file))
    }

    private static func syntaxError(_ error: YamlError, file: String) -> StudyError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return StudyError(file: file, line: mark.line, key: nil, message: "not valid YAML: \(problem)")
        default:
            return StudyError(file: file, line: 0, key: nil, message: "not valid YAML: \(error)")
        }
    }
}
