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
