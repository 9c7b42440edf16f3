import Foundation

/// Writes a toy file incrementally: the header at creation, then each finished toy appended
/// and flushed at once (so SIGINT or a killed job loses no finished toy), and at the end the
/// sorted file (`finish`). Thread-safe: appends are serialized by a lock.
public final class ToyFileWriter: @unchecked Sendable {
    public let url: URL
    public let header: ToyFileHeader
    private let lock = NSLock()
    private var file: UnsafeMutablePointer<FILE>?

    /// Creates (truncates) the file and writes the header line.
    public init(url: URL, header: ToyFileHeader) throws {
        self.url = url
        self.header = header
        guard let f = fopen(url.path, "w") else {
            throw StatisticsError("cannot open \(url.path) for writing: \(String(cString: strerror(errno)))")
        }
        file = f
        fputs(ToyFile.headerLine(header) + "\n", f)
        fflush(f)
    }

    deinit { if let file { fclose(file) } }

    /// Appends one toy line and flushes it.
    public func append(_ toy: ToyResult) {
        lock.lock(); defer { lock.unlock() }
        guard let file else { return }
        fputs(ToyFile.toyLine(toy) + "\n", file)
        fflush(file)
    }

    /// Closes the incremental file and replaces it by the sorted file of `toys`.
    public func finish(toys: [ToyResult]) throws {
        lock.lock()
        if let file { fclose(file) }
        file = nil
        lock.unlock()
        try ToyFile.write(header: header, toys: toys, to: url)
    }
}
