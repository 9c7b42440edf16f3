import Dispatch
import Foundation

/// The one way nue runs work on several threads. Each helper returns only when every worker
/// has finished, runs on the calling thread when one worker suffices, and never lets the
/// thread count change a result: `map` returns results in index order, and `forEach`/
/// `workers` leave the order of side effects to the caller's own bookkeeping (per-index slots
/// or per-worker partial sums), as every caller in nue does.
public enum Parallel {
    /// Runs `body(w)` once for each worker w in 0..<workers, concurrently: for loops that keep
    /// per-worker state (partial sums, a reusable random stream) and split work themselves.
    public static func workers(_ workers: Int, _ body: @Sendable (Int) -> Void) {
        let n = max(1, workers)
        if n == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: n, execute: body) }
    }

    /// Runs `body(i)` for every i in 0..<count on at most `threads` workers; each worker claims
    /// the next unclaimed index (dynamic scheduling, so uneven items balance).
    public static func forEach(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let next = IndexCounter()
        workers(min(max(1, threads), count)) { _ in
            while let i = next.claim(below: count) { body(i) }
        }
    }

    /// `body(i)` for i in 0..<count on at most `threads` workers, results in index order.
    public static func map<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        forEach(count, threads: threads) { i in slots.set(i, body(i)) }
        return slots.values()
    }

    /// `map` where each worker first makes its own `state` (a reusable workspace) and passes it to
    /// each of its `body` calls; results in index order. A result must not depend on which earlier
    /// items the state served (the caller resets it per item), so the thread count still changes nothing.
    public static func map<State, T: Sendable>(_ count: Int, threads: Int, state: @Sendable () -> State,
                                               _ body: @Sendable (inout State, Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        guard count > 0 else { return [] }
        let next = IndexCounter()
        workers(min(max(1, threads), count)) { _ in
            var local = state()
            while let i = next.claim(below: count) { slots.set(i, body(&local, i)) }
        }
        return slots.values()
    }
}

/// The next index to hand out, under a lock.
private final class IndexCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func claim(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// One result slot per index, each written once under a lock.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T?]

    init(count: Int) { items = Array(repeating: nil, count: max(0, count)) }

    func set(_ i: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        items[i] = value
    }

    func values() -> [T] {
        lock.lock(); defer { lock.unlock() }
        return items.map { $0! }
    }
}
