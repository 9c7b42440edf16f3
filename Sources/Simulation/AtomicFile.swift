import Foundation

/// A buffered text file written to `path.tmp-<pid>` and renamed onto `path` by `commit()`, so a
/// failure never leaves a half-written file under the final name. Memory stays bounded (64 kB buffer).
public final class AtomicFile {
    public let path: String
    let temporaryPath: String
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private let flushSize = 1 << 16

    public init(path: String) throws(SimulationError) {
        self.path = path
        temporaryPath = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw .output("directory '\(dir)' does not exist")
            }
        }
        guard fm.createFile(atPath: temporaryPath, contents: nil), let h = FileHandle(forWritingAtPath: temporaryPath) else {
            throw .output("cannot create '\(temporaryPath)'")
        }
        handle = h
        buffer.reserveCapacity(flushSize + 4096)
    }

    deinit {
        if handle != nil { abandon() }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushSize { try flush() }
    }

    private func flush() throws {
        guard let handle else { throw SimulationError.output("file already closed") }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames onto the final path (replacing an existing file).
    public func commit() throws {
        try flush()
        try handle?.close()
        handle = nil
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw SimulationError.output("cannot rename onto '\(path)': \(reason)")
        }
    }

    /// Closes and deletes the temporary file.
    public func abandon() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
