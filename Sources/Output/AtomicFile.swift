#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file written all-or-nothing: bytes go to a temporary file beside the target
/// (`.<name>.<pid>.<random>.tmp`, same directory so the rename cannot cross file systems),
/// which `commit()` flushes to disk (`fsync`) and renames onto the target. A thrown error,
/// `abandon()`, deinitialization without commit, SIGINT or SIGTERM remove the temporary file
/// (`TemporaryFileRegistry`), so no half file ever carries the target's name and an existing
/// target stays untouched.
///
/// A target that exists and is not a regular file (`/dev/null`, a FIFO, a terminal) is
/// written through directly and never replaced; a symbolic link to a regular file is
/// resolved, so the link survives and its target is replaced atomically.
///
/// Streaming writes (`write(_:)` any number of times, memory bounded by a 64 kB buffer) and
/// whole-buffer writes (`AtomicFile.write(_:to:)`) are the same type.
public final class AtomicFile {
    /// The path the bytes end up under (after resolving a symbolic link).
    public let path: String
    /// The temporary file (nil when writing through to a non-regular target).
    public let temporaryPath: String?
    private var descriptor: Int32
    private var slot: Int?
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// Opens the temporary file (or the non-regular target) for writing.
    public init(path: String) throws(OutputError) {
        guard !path.isEmpty else { throw .writeFailed(path: path, reason: "empty file name") }
        var target = path
        var info = stat()
        var writeThrough = false
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) == 0, let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw .writeFailed(path: path, reason: "is a directory") }
            writeThrough = kind != S_IFREG && kind != S_IFLNK
        }
        self.path = target
        if writeThrough {
            temporaryPath = nil
            descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .writeFailed(path: path, reason: Self.reason()) }
        } else {
            let url = URL(fileURLWithPath: target)
            let directory = url.deletingLastPathComponent().path
            var directoryInfo = stat()
            guard stat(directory, &directoryInfo) == 0, directoryInfo.st_mode & S_IFMT == S_IFDIR else {
                throw .writeFailed(path: path, reason: "directory '\(directory)' does not exist")
            }
            let name = ".\(url.lastPathComponent).\(getpid()).\(String(UInt32.random(in: 0...UInt32.max), radix: 16)).tmp"
            let temporary = (directory as NSString).appendingPathComponent(name)
            temporaryPath = temporary
            slot = TemporaryFileRegistry.register(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                let reason = Self.reason()
                if let slot { TemporaryFileRegistry.unregister(slot) }
                throw .writeFailed(path: path, reason: reason)
            }
        }
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit { if descriptor >= 0 { abandon() } }

    /// Whether the bytes go straight to a non-regular target (no temporary file).
    public var writesThrough: Bool { temporaryPath == nil }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends bytes.
    public func write(_ data: Data) throws(OutputError) {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Flushes, `fsync`s, closes and renames onto the target (replacing an existing file).
    /// On failure the temporary file is removed and the target untouched.
    public func commit() throws(OutputError) {
        do throws(OutputError) {
            try flush()
            if !writesThrough, fsync(descriptor) != 0 { throw OutputError.writeFailed(path: path, reason: Self.reason()) }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw OutputError.writeFailed(path: path, reason: Self.reason()) }
            if let temporaryPath {
                guard rename(temporaryPath, path) == 0 else {
                    throw OutputError.writeFailed(path: path, reason: "cannot rename the temporary file: \(Self.reason())")
                }
                syncDirectory()
                if let slot { TemporaryFileRegistry.unregister(slot) }
                self.slot = nil
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Closes and deletes the temporary file (nothing is renamed). Idempotent.
    public func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        buffer.removeAll()
        if let temporaryPath, slot != nil || FileManager.default.fileExists(atPath: temporaryPath) {
            unlink(temporaryPath)
        }
        if let slot { TemporaryFileRegistry.unregister(slot) }
        slot = nil
    }

    private func flush() throws(OutputError) {
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "the file is already closed") }
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure != 0 {
            let reason = String(cString: strerror(failure))
            abandon()
            throw .writeFailed(path: path, reason: reason)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Makes the rename durable (best effort: some file systems refuse to fsync a directory).
    private func syncDirectory() {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}

/// `write(2)` under a name the methods called `write` do not shadow.
func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}
