import Foundation
import Testing

/// `nue toys --limit cls` and `nue coverage --limit cls` end to end: the method is reported as
/// `limit_method`, toys are identical for 1 and 2 threads, the file header records the method so
/// resuming or merging across methods is refused naming `limit_method`.
@Suite struct ToysCLsCommandTests {
    static let toys = ["toys"] + OutputCommandsTests.scenario + ["--toys", "40", "--seed", "9", "--quiet"]

    @Test func toysWithCLs() throws {
        let dir = try OutputCommandsTests.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = dir + "/one.json", two = dir + "/two.json", clsb = dir + "/clsb.json"
        let a = try CLIRunner.run(Self.toys + ["--limit", "cls", "--threads", "1", "--output", one, "--json"])
        let b = try CLIRunner.run(Self.toys + ["--limit", "cls", "--threads", "2", "--output", two, "--json"])
        let c = try CLIRunner.run(Self.toys + ["--threads", "2", "--output", clsb, "--json"])
        #expect(a.status == 0 && b.status == 0 && c.status == 0, "\(a.stderr) \(b.stderr) \(c.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(try OutputCommandsTests.bytes(one) == OutputCommandsTests.bytes(two))
        let cls = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(c.stdout.utf8)) as? [String: Any])
        #expect(cls["limit_method"] as? String == "cls")
        #expect(plain["limit_method"] as? String == "clsb")
        #expect(cls["failed_fits"] as? Int == 0)
        // CLs limits (toy median and Asimov) lie above the CLs+b ones.
        #expect(try #require(cls["median"] as? Double) > (try #require(plain["median"] as? Double)))
        #expect(try #require(cls["asimov"] as? Double) > (try #require(plain["asimov"] as? Double)))
        let header = try #require(String(contentsOfFile: one, encoding: .utf8).split(separator: "\n").first)
        #expect(header.contains("\"limit_method\":\"cls\""))
        #expect(!(try #require(String(contentsOfFile: clsb, encoding: .utf8).split(separator: "\n").first)).contains("limit_method"))
        OutputCommandsTests.expectRuntimeFailure(
            try CLIRunner.run(Self.toys + ["--limit", "cls", "--output", clsb, "--resume"]),
            "limit_method is clsb in the file, cls expected")
    }

    @Test func mergeRefusesMixedMethods() throws {
        let dir = try OutputCommandsTests.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s0 = dir + "/s0.json", s1 = dir + "/s1.json"
        #expect(try CLIRunner.run(Self.toys + ["--shard", "0/2", "--output", s0]).status == 0)
        #expect(try CLIRunner.run(Self.toys + ["--shard", "1/2", "--limit", "cls", "--output", s1]).status == 0)
        let merged = try CLIRunner.run(["merge", s0, s1])
        #expect(merged.status == 1 && merged.stderr.contains("limit_method"), "\(merged.stderr)")
    }

    @Test func coverageWithCLs() throws {
        let r = try CLIRunner.run(["coverage"] + OutputCommandsTests.scenario
                                  + ["--limit", "cls", "--true", "0", "--toys", "20", "--method", "asimov", "--quiet", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["limit_method"] as? String == "cls")
        #expect(json["coverage"] as? Double == 1)
    }
}
