import Foundation
import Output

/// The toy file format "nue-toys" version 1: JSON Lines (one JSON object per line, UTF-8).
///
///     {"format":"nue-toys","version":1,"seed":7,"total_toys":1000,"first_index":0,"shard":"0/1",
///      "statistic":"poisson","cl":0.9,"truth":0.0,"asimov_limit":1.2,"parameter":"mu_nu",
///      "theta_unit":1e-22,"label":"…"}
///     {"index":0,"status":"converged","theta_hat":0.0,"upper_limit":1.1e-22,"t_test":null}
///     …
///
/// Line 1 is the header; every further line is one toy, in increasing index order (the
/// shard's indices firstIndex + K, firstIndex + K + N, …). θ values (truth, asimov_limit,
/// theta_hat, upper_limit) are in the fitter's units: θ_physical = theta_unit · θ, and the
/// quoted parameter (κ in μ_B, or g) is √θ_physical. t_test is t(θ_test) when the run asked
/// for it. Status is "converged", "at-bound" (θ̂ = 0) or "failed". Numbers are written in
/// Swift's shortest round-trip form (`JSONValue.NumberStyle.swift`, so reading and rewriting
/// is exact), non-finite numbers as null.
///
/// A run appends toys in index order as they finish (`ToyJob`), so the file is always a
/// prefix of the finished file: an interrupted run leaves complete lines and at most one cut
/// last line, which `nue toys --resume` drops before continuing. A merged file of an
/// incomplete set (`nue merge --allow-partial`) adds `"partial":true` and the missing shards
/// to its header.
public enum ToyFile {
    /// The header line (no newline); `partial` adds the keys of an incomplete merge.
    public static func headerLine(_ h: ToyFileHeader, partial: [ToyMerge.MissingShard]? = nil) -> String {
        var pairs: [(String, JSONValue)] = [
            ("format", .string(ToyFileHeader.format)), ("version", .integer(Int64(ToyFileHeader.version))),
            ("seed", .unsigned(h.seed)), ("total_toys", .integer(Int64(h.totalToys))),
            ("first_index", .unsigned(h.firstIndex)), ("shard", .string(h.shard.description)),
            ("statistic", .string(h.statistic.rawValue)), ("cl", .number(h.confidenceLevel)),
            ("truth", .number(h.truth)), ("asimov_limit", .number(h.asimovLimit)),
            ("parameter", .string(h.parameter)), ("theta_unit", .number(h.thetaUnit)), ("label", .string(h.label)),
        ]
        if h.limitMethod != .clsb { pairs.append(("limit_method", .string(h.limitMethod.rawValue))) }
        if let partial {
            pairs.append(("partial", .bool(true)))
            pairs.append(("missing_toys", .integer(Int64(partial.reduce(0) { $0 + $1.missingToys }))))
            pairs.append(("missing_shards", .array(partial.map(\.json))))
        }
        return JSONValue.object(pairs).compact(numbers: .swift)
    }

    /// One toy line (no newline).
    public static func toyLine(_ t: ToyResult) -> String {
        JSONValue.object([
            ("index", .unsigned(t.index)), ("status", .string(t.status.rawValue)), ("theta_hat", .number(t.thetaHat)),
            ("upper_limit", .number(t.upperLimit)), ("t_test", .number(t.statisticAtTest)),
        ]).compact(numbers: .swift)
    }

    /// The whole file: header and toys sorted by index, one per line, newline-terminated.
    public static func render(header: ToyFileHeader, toys: [ToyResult], partial: [ToyMerge.MissingShard]? = nil) -> String {
        var text = headerLine(header, partial: partial) + "\n"
        for toy in toys.sorted(by: { $0.index < $1.index }) { text += toyLine(toy) + "\n" }
        return text
    }

    /// Writes the file atomically (`AtomicFile`: temporary file, fsync, rename).
    public static func write(header: ToyFileHeader, toys: [ToyResult], partial: [ToyMerge.MissingShard]? = nil,
                             to path: String) throws(OutputError) {
        let file = try AtomicFile(path: path)
        try file.write(headerLine(header, partial: partial) + "\n")
        for toy in toys.sorted(by: { $0.index < $1.index }) { try file.write(toyLine(toy) + "\n") }
        try file.commit()
    }

    /// Parses a header line; `name` (file and line) prefixes the error.
    public static func parseHeader(_ line: Substring, name: String) throws(StatisticsError) -> ToyFileHeader {
        struct RawHeader: Decodable {
            let format: String, version: Int, seed: UInt64, total_toys: Int, first_index: UInt64, shard: String
            let statistic: String, cl: Double, truth: Double?, asimov_limit: Double?, parameter: String
            let theta_unit: Double?, label: String, limit_method: String?
        }
        guard let raw = try? JSONDecoder().decode(RawHeader.self, from: Data(line.utf8)), raw.format == ToyFileHeader.format else {
            throw StatisticsError("\(name): not a nue-toys header line")
        }
        guard raw.version == ToyFileHeader.version else {
            throw StatisticsError("\(name): nue-toys version \(raw.version); this nue reads version \(ToyFileHeader.version)")
        }
        guard let statistic = TestStatistic(rawValue: raw.statistic) else {
            throw StatisticsError("\(name): unknown statistic '\(raw.statistic)'")
        }
        guard raw.total_toys >= 1 else { throw StatisticsError("\(name): total_toys must be ≥ 1, got \(raw.total_toys)") }
        guard let limitMethod = LimitMethod(rawValue: raw.limit_method ?? LimitMethod.clsb.rawValue) else {
            throw StatisticsError("\(name): unknown limit_method '\(raw.limit_method ?? "")'")
        }
        let shard: ToyShard
        do { shard = try ToyShard(parsing: raw.shard) } catch { throw StatisticsError("\(name): \(error.description)") }
        return ToyFileHeader(
            seed: raw.seed, totalToys: raw.total_toys, firstIndex: raw.first_index, shard: shard,
            statistic: statistic, confidenceLevel: raw.cl, truth: raw.truth ?? .nan, asimovLimit: raw.asimov_limit ?? .nan,
            parameter: raw.parameter, thetaUnit: raw.theta_unit ?? .nan, label: raw.label, limitMethod: limitMethod)
    }

    /// Parses a toy line; nil unless it is exactly a line this format writes (so a corrupt
    /// line never passes for a toy).
    public static func parseToy(_ line: Substring) -> ToyResult? {
        struct RawToy: Decodable {
            let index: UInt64, status: String, theta_hat: Double?, upper_limit: Double?, t_test: Double?
        }
        guard let t = try? JSONDecoder().decode(RawToy.self, from: Data(line.utf8)),
              let status = FitStatus(rawValue: t.status) else { return nil }
        let toy = ToyResult(index: t.index, thetaHat: t.theta_hat ?? .nan, upperLimit: t.upper_limit ?? .nan,
                            statisticAtTest: t.t_test ?? .nan, status: status)
        return toyLine(toy) == line ? toy : nil
    }

    /// A parsed file: header, toys (in file order), whether the last line was cut (no
    /// newline: an interrupted run), and the file name for messages.
    public struct Contents: Sendable {
        public var name: String
        public var header: ToyFileHeader
        public var toys: [ToyResult]
        /// The 1-based line number of a cut last line, if any (it is not in `toys`).
        public var truncatedLine: Int?
    }

    public static func read(_ path: String) throws(StatisticsError) -> Contents {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw StatisticsError("\(path): cannot read: \((error as NSError).localizedDescription)")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: path)
    }

    /// Parses a whole file. Throws, naming the line, on a corrupt line or a toy that does not
    /// belong to the header's shard or breaks the index order; a cut last line is reported
    /// in `truncatedLine`, not thrown.
    public static func parse(_ text: String, name: String = "toy file") throws(StatisticsError) -> Contents {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = lines.last == ""
        if terminated { lines.removeLast() }
        guard let first = lines.first else { throw StatisticsError("\(name): empty file (no nue-toys header)") }
        if lines.count == 1 && !terminated { throw StatisticsError("\(name):1: the header line is cut (the run was interrupted before any toy)") }
        let header = try parseHeader(first, name: "\(name):1")
        var toys: [ToyResult] = []
        var truncated: Int?
        var expected = ToyShardPositions(header: header)
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let isLast = offset == lines.count - 1
            guard let toy = parseToy(line) else {
                if isLast && !terminated { truncated = number; break }
                throw StatisticsError("\(name):\(number): corrupt toy line '\(line.prefix(80))'")
            }
            guard let index = expected.next() else {
                throw StatisticsError("\(name):\(number): more toys than shard \(header.shard) of \(header.totalToys) toys holds")
            }
            guard toy.index == index else {
                throw StatisticsError("\(name):\(number): toy index \(toy.index) where \(index) belongs (shard \(header.shard), increasing order)")
            }
            toys.append(toy)
        }
        return Contents(name: name, header: header, toys: toys, truncatedLine: truncated)
    }
}
