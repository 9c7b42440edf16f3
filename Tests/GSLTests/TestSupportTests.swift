import Foundation
import NueTestSupport
import Testing

/// The shared test support itself: the checks other tests rely on must fail when they should.
@Suite struct TestSupportTests {
    @Test func approximateEquality() {
        #expect(isApproximatelyEqual(1.0, 1.0 + 1e-10, relativeTolerance: 1e-9))
        #expect(!isApproximatelyEqual(1.0, 1.0 + 1e-8, relativeTolerance: 1e-9))
        #expect(isApproximatelyEqual(0.0, 1e-300, relativeTolerance: 0, absoluteTolerance: 1e-299))
        #expect(!isApproximatelyEqual(.nan, .nan, relativeTolerance: 1))
        #expect(isApproximatelyEqual(.infinity, .infinity, relativeTolerance: 0))
        #expect(!isApproximatelyEqual([1, 2], [1, 2, 3], relativeTolerance: 1))
        #expect(relativeDifference(1.01, 1) > 0.0099 && relativeDifference(1.01, 1) < 0.0101)
        #expect(relativeDifference(0, 0) == 0)
    }

    @Test func processRunnerCollectsBothStreams() throws {
        // 200 kB on stderr would block a child whose stderr is read only after stdout closes.
        let result = try #require(ProcessRunner.runOnPath(
            ["sh", "-c", "head -c 200000 /dev/zero | tr '\\\\0' x >&2; echo out; exit 3"]))
        #expect(result.status == 3)
        #expect(result.stdout == "out\n")
        #expect(result.stderr.count == 200_000)
    }
}
