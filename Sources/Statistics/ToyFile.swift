import Foundation

/// The toy file format "nue-toys" version 1: JSON Lines (one JSON object per line, UTF-8).
///
///     {"format":"nue-toys","version":1,"seed":7,"total_toys":1000,"first_index":0,"shard":"0/1",
///      "statistic":"poisson","cl":0.9,"truth":0.0,"asimov_limit":1.2,"parameter":"mu_nu",
///      "theta_unit":1e-22,"label":"…"}
///     {"index":0,"status":"converged","theta_hat":0.0,"upper_limit":1.1e-22,"t_test":null}
///     …
///
/// Line 1 is the header; every further line is one toy. θ values (truth, asimov_limit,
/// theta_hat, upper_limit) are in the fitter's units: θ_physical = theta_unit · θ, and the
/// quoted parameter (κ in μ_B, or g) is √θ_physical. t_test is t(θ_test) when the run asked
/// for it. Status is "converged", "at-bound" (θ̂ = 0) or "failed". Numbers are written in Swift's
/// shortest round-trip form (so reading and rewriting is exact), non-finite numbers as null.
/// While a run is in progress toys are appended in completion order and flushed one by one;
/// a finished run rewrites the file sorted by index (via a temporary file and a rename).
/// `merge` accepts both, ignores a truncated last line, and writes the sorted union —
/// byte-identical to the unsharded run's file when all toys are present.
public enum ToyFile {
    /// The header line (no newline).
    public static func headerLine(_ h: ToyFileHeader) -> String {
        "{\"format\":\"\(ToyFileHeader.format)\",\"version\":\(ToyFileHeader.version),\"seed\":\(h.seed),"
            + "\"total_toys\":\(h.totalToys),\"first_index\":\(h.firstIndex),\"shard\":\"\(h.shard)\","
            + "\"statistic\":\"\(h.statistic.rawValue)\",\"cl\":\(number(h.confidenceLevel)),"
            + "\"truth\":\(number(h.truth)),\"asimov_limit\":\(number(h.asimovLimit)),"
            + "\"parameter\":\(quoted(h.parameter)),\"theta_unit\":\(number(h.thetaUnit)),\"label\":\(quoted(h.label))}"
    }

    /// One toy line (no newline).
    public static func toyLine(_ t: ToyResult) -> String {
        "{\"index\":\(t.index),\"status\":\"\(t.status.rawValue)\",\"theta_hat\":\(number(t.thetaHat)),"
            + "\"upper_limit\":\(number(t.upperLimit)),\"t_test\":\(number(t.statisticAtTest))}"
    }

    /// The whole file: header and toys sorted by index, one per line, newline-terminated.
    public static func render(header: ToyFileHeader, toys: [ToyResult]) -> String {
        var text = headerLine(header) + "\n"
        for toy in toys.sorted(by: { $0.index < $1.index }) { text += toyLine(toy) + "\n" }
        return text
    }

    /// Writes the file atomically (temporary file, then rename).
    public static func write(header: ToyFileHeader, toys: [ToyResult], to url: URL) throws {
        try writeAtomically(render(header: header, toys: toys), to: url)
    }

    /// A parsed file: header, toys (in file order), and the number of unreadable lines
    /// (a line cut by an interruption).
    public struct Contents: Sendable {
        public var header: ToyFileHeader
        public var toys: [ToyResult]
        public var unreadableLines: Int
    }

    public static func read(_ url: URL) throws -> Contents {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw StatisticsError("cannot read toy file \(url.path): \(error.localizedDescription)")
        }
        return try parse(text, name: url.path)
    }

    public static func parse(_ text: String, name: String = "toy file") throws -> Contents {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { throw StatisticsError("\(name) is empty") }
        let decoder = JSONDecoder()
        struct RawHeader: Decodable {
            let format: String, version: Int, seed: UInt64, total_toys: Int, first_index: UInt64, shard: String
            let statistic: String, cl: Double, truth: Double?, asimov_limit: Double?, parameter: String
            let theta_unit: Double?, label: String
        }
        guard let raw = try? decoder.decode(RawHeader.self, from: Data(first.utf8)), raw.format == ToyFileHeader.format else {
            throw StatisticsError("\(name) does not start with a nue-toys header line")
        }
        guard raw.version == ToyFileHeader.version else {
            throw StatisticsError("\(name) has nue-toys version \(raw.version); this nue reads version \(ToyFileHeader.version)")
        }
        guard let statistic = TestStatistic(rawValue: raw.statistic) else {
            throw StatisticsError("\(name): unknown statistic '\(raw.statistic)'")
        }
        let header = ToyFileHeader(
            seed: raw.seed, totalToys: raw.total_toys, firstIndex: raw.first_index, shard: try ToyShard(parsing: raw.shard),
            statistic: statistic, confidenceLevel: raw.cl, truth: raw.truth ?? .nan, asimovLimit: raw.asimov_limit ?? .nan,
            parameter: raw.parameter, thetaUnit: raw.theta_unit ?? .nan, label: raw.label)
        struct RawToy: Decodable {
            let index: UInt64, status: String, theta_hat: Double?, upper_limit: Double?, t_test: Double?
        }
        var toys: [ToyResult] = []
        var unreadable = 0
        for line in lines.dropFirst() {
            guard let t = try? decoder.decode(RawToy.self, from: Data(line.utf8)), let status = FitStatus(rawValue: t.status) else {
                unreadable += 1
                continue
            }
            toys.append(ToyResult(index: t.index, thetaHat: t.theta_hat ?? .nan, upperLimit: t.upper_limit ?? .nan,
                                  statisticAtTest: t.t_test ?? .nan, status: status))
        }
        return Contents(header: header, toys: toys, unreadableLines: unreadable)
    }

    /// The result of merging shard files.
    public struct Merged: Sendable {
        /// The header of the unsharded run (shard 0/1).
        public var header: ToyFileHeader
        /// All toys, sorted by index, duplicates removed.
        public var toys: [ToyResult]
        /// Toys of the run absent from every file (interrupted or missing shards).
        public var missing: Int
        public var unreadableLines: Int
    }

    /// Merges the contents of shard files of one run. Throws when the headers disagree
    /// (other than the shard) or one index carries two different results.
    public static func merge(_ parts: [Contents]) throws -> Merged {
        guard let first = parts.first else { throw StatisticsError("merge needs at least one toy file") }
        let header = first.header.with(shard: .all)
        var byIndex: [UInt64: ToyResult] = [:]
        var unreadable = 0
        for part in parts {
            let h = part.header.with(shard: .all)
            guard headerLine(h) == headerLine(header) else {
                throw StatisticsError("toy files from different runs: \(headerLine(part.header)) vs \(headerLine(first.header))")
            }
            unreadable += part.unreadableLines
            for toy in part.toys {
                guard toy.index >= header.firstIndex, toy.index < header.firstIndex + UInt64(header.totalToys) else {
                    throw StatisticsError("toy index \(toy.index) lies outside the run (\(header.totalToys) toys from \(header.firstIndex))")
                }
                if let existing = byIndex[toy.index], toyLine(existing) != toyLine(toy) {
                    throw StatisticsError("toy \(toy.index) appears twice with different results")
                }
                byIndex[toy.index] = toy
            }
        }
        let toys = byIndex.values.sorted { $0.index < $1.index }
        return Merged(header: header, toys: toys, missing: header.totalToys - toys.count, unreadableLines: unreadable)
    }

    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    static func quoted(_ s: String) -> String { JSONString.quoted(s) }

    static func writeAtomically(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw StatisticsError("rename to \(url.path) failed: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw StatisticsError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
