#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An append-only record file that keeps what was written: every `append` reaches the
/// operating system at once (one `write(2)`), so a killed process loses no finished record
/// and leaves at worst one cut last line. The opposite of `AtomicFile`, on purpose: toy runs
/// journal their results so that `--resume` can continue them.
///
/// A non-regular target (`/dev/null`, a FIFO) is written through (never truncated or replaced).
public final class JournalFile {
    public let path: String
    private var descriptor: Int32

    /// Opens `path` for appending. `keepingBytes` nil creates or truncates the file; a number
    /// cuts an existing regular file to that many bytes first (dropping a partial last line)
    /// and appends after them.
    public init(path: String, keepingBytes: UInt64? = nil) throws(OutputError) {
        self.path = path
        var info = stat()
        let exists = stat(path, &info) == 0
        let regular = !exists || info.st_mode & S_IFMT == S_IFREG
        if exists, info.st_mode & S_IFMT == S_IFDIR { throw .writeFailed(path: path, reason: "is a directory") }
        var flags = O_WRONLY | O_CLOEXEC
        if regular { flags |= O_CREAT | O_APPEND | (keepingBytes == nil ? O_TRUNC : 0) }
        descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        if regular, let keepingBytes, ftruncate(descriptor, off_t(keepingBytes)) != 0 {
            let reason = String(cString: strerror(errno))
            _ = systemClose(descriptor)
            descriptor = -1
            throw .writeFailed(path: path, reason: reason)
        }
    }

    deinit { if descriptor >= 0 { _ = systemClose(descriptor) } }

    /// Writes `text` (UTF-8) now.
    public func append(_ text: String) throws(OutputError) {
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "the file is already closed") }
        var utf8 = text
        let failure: Int32 = utf8.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
        if failure != 0 { throw .writeFailed(path: path, reason: String(cString: strerror(failure))) }
    }

    /// Flushes to disk (`fsync`, skipped for non-regular files) and closes.
    public func close() throws(OutputError) {
        guard descriptor >= 0 else { return }
        var info = stat()
        let regular = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let synced = !regular || fsync(descriptor) == 0
        let reason = synced ? "" : String(cString: strerror(errno))
        let closed = systemClose(descriptor) == 0
        descriptor = -1
        guard synced, closed else { throw .writeFailed(path: path, reason: synced ? String(cString: strerror(errno)) : reason) }
    }
}

private func systemClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
