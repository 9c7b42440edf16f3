import Foundation

/// Writes files atomically: the bytes go to a temporary file in the same directory, which is
/// then renamed over the target. On any error nothing is left behind: no half file, no
/// temporary file, and an existing target is untouched. (Whole-buffer, encode-first writes for
/// tables and JSON; `Simulation.AtomicFile` streams large event files the same way.)
public enum AtomicWriter {
    /// Encodes with `encode` first (an encoding error writes nothing), then writes atomically.
    public static func write(to path: String, encode: () throws -> Data) throws(OutputError) {
        let data: Data
        do { data = try encode() } catch {
            throw .encodingFailed(path: path, reason: "\(error)")
        }
        try write(data, to: path)
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to a temporary file beside `path`, then renames it onto `path`.
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temporary, options: [.withoutOverwriting])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }
}

/// Failures while writing outputs, with the file concerned.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    case encodingFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotCreateDirectory(path: String, reason: String)
    case invalidDataName(String)

    public var description: String {
        switch self {
        case let .encodingFailed(path, reason): "\(path): not written, encoding failed: \(reason)"
        case let .writeFailed(path, reason): "\(path): cannot write: \(reason)"
        case let .cannotCreateDirectory(path, reason): "\(path): cannot create the output directory: \(reason)"
        case .invalidDataName(let name):
            "'\(name)' is not a valid data file name (use letters, digits, '_' and '-'; 'table' is reserved)"
        }
    }
}
