import Foundation
import Parallel
import Testing

/// The one parallel helper: every index exactly once, results in index order, the same for
/// any thread count.
@Suite struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8])
    func mapIsInIndexOrderForAnyThreadCount(threads: Int) {
        // Uneven work (index-dependent spin) so dynamic scheduling actually reorders completion.
        let squares = Parallel.map(1000, threads: threads) { i -> Int in
            var x = 0
            for k in 0..<(i % 7) * 1000 { x &+= k }
            return i * i + (x & 0)
        }
        #expect(squares == (0..<1000).map { $0 * $0 })
    }

    /// Per-worker state: made once per worker (at most `threads` times) and reused across items;
    /// results in index order whatever the thread count.
    @Test(arguments: [1, 2, 3])
    func mapWithStateMakesOneStatePerWorker(threads: Int) {
        let made = Counts(1)
        let results = Parallel.map(200, threads: threads, state: { () -> [Int] in made.increment(0); return [] }) { scratch, i -> Int in
            scratch.append(i)
            return i * 3
        }
        #expect(results == (0..<200).map { $0 * 3 })
        #expect(made.values[0] >= 1 && made.values[0] <= threads)
        #expect(Parallel.map(0, threads: threads, state: { 0 }) { _, i in i }.isEmpty)
    }

    @Test func forEachVisitsEveryIndexOnce() {
        let counts = Counts(1000)
        Parallel.forEach(1000, threads: 4) { counts.increment($0) }
        #expect(counts.values == Array(repeating: 1, count: 1000))
        Parallel.forEach(0, threads: 4) { _ in Issue.record("no work for count 0") }
    }

    @Test func workersRunOncePerWorker() {
        let counts = Counts(3)
        Parallel.workers(3) { counts.increment($0) }
        #expect(counts.values == [1, 1, 1])
    }
}

private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int]
    init(_ n: Int) { storage = Array(repeating: 0, count: n) }
    func increment(_ i: Int) { lock.lock(); storage[i] += 1; lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return storage }
}
