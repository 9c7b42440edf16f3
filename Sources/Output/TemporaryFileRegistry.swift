#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The temporary files being written right now, so that SIGINT or SIGTERM removes them.
///
/// A fixed table of `capacity` slots of `pathLength` bytes (C strings), allocated once and
/// never freed, so the signal handler touches no Swift runtime machinery: it walks the table,
/// `unlink(2)`s every slot marked in use (both async-signal-safe), restores the default action
/// and re-raises the signal, so the process still dies of it (exit status 130 for SIGINT, 143
/// for SIGTERM in a shell). Registration and removal are serialized by a lock; the handler
/// reads without it (a slot's path is written before its flag is set, and the flag cleared
/// before the path is overwritten). A path that does not fit (table full, or longer than
/// `pathLength − 1` bytes) is not registered: it is still removed on a thrown error, only not
/// on a signal. Installing the handlers also unblocks SIGINT and SIGTERM in the registering
/// thread (an inherited blocked mask would otherwise keep them pending forever).
enum TemporaryFileRegistry {
    /// Slots in the table (files written at the same time).
    static let capacity = 64
    /// Bytes per slot, the terminating NUL included.
    static let pathLength = 4096

    nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathLength)
        p.initialize(repeating: 0, count: capacity * pathLength)
        return p
    }()
    nonisolated(unsafe) static let inUse: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    static let lock = NSLock()
    nonisolated(unsafe) static var handlersInstalled = false

    /// Records `path` for removal on SIGINT/SIGTERM (installing the handlers on first use);
    /// returns its slot, or nil when it cannot be recorded.
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < pathLength, !bytes.contains(0) else { return nil }
        lock.lock(); defer { lock.unlock() }
        if !handlersInstalled {
            _ = paths
            _ = inUse
            signal(SIGINT, temporaryFileSignalHandler)
            signal(SIGTERM, temporaryFileSignalHandler)
            // A process spawned from a thread that blocks signals (a Dispatch worker, e.g. a
            // test runner's) inherits that mask: unblock the two here so they are delivered.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            sigaddset(&set, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            handlersInstalled = true
        }
        guard let slot = (0..<capacity).first(where: { inUse[$0] == 0 }) else { return nil }
        let base = paths + slot * pathLength
        bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { base.update(from: $0.baseAddress!, count: bytes.count) }
        }
        base[bytes.count] = 0
        inUse[slot] = 1
        return slot
    }

    /// Forgets a slot (after the file was renamed or removed).
    static func unregister(_ slot: Int) {
        lock.lock(); defer { lock.unlock() }
        inUse[slot] = 0
        paths[slot * pathLength] = 0
    }

    /// The registered paths (for tests).
    static var registered: [String] {
        lock.lock(); defer { lock.unlock() }
        return (0..<capacity).filter { inUse[$0] != 0 }.map { String(cString: paths + $0 * pathLength) }
    }
}

/// Unlinks the registered temporaries, then dies of `signal` with the default action.
private func temporaryFileSignalHandler(_ signalNumber: Int32) {
    let table = TemporaryFileRegistry.paths
    let flags = TemporaryFileRegistry.inUse
    for slot in 0..<TemporaryFileRegistry.capacity where flags[slot] != 0 {
        unlink(table + slot * TemporaryFileRegistry.pathLength)
    }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
