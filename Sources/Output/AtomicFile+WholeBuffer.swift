import Foundation

extension AtomicFile {
    /// Writes `data` as the whole content of `path` (temporary file, fsync, rename).
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let file = try AtomicFile(path: path)
        try file.write(data)
        try file.commit()
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Data(text.utf8), to: path)
    }

    /// Encodes with `encode` first (an encoding error writes nothing), then writes atomically.
    public static func write(to path: String, encode: () throws -> Data) throws(OutputError) {
        let data: Data
        do { data = try encode() } catch {
            throw .encodingFailed(path: path, reason: "\(error)")
        }
        try write(data, to: path)
    }
}
