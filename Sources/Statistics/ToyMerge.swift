import Output

/// Combines the shard files of one toy run into the unsharded run.
///
/// Refuses, naming the file and line: files of different runs (any header field other than
/// K of the shard), two files of the same shard, a corrupt line (from `ToyFile.parse`), and —
/// unless partial results are allowed — a missing shard, an incomplete shard or a cut last
/// line. With `allowPartial` the complete toys are kept and every shard that lacks toys is
/// listed (`MissingShard`), so the result says what it is.
public enum ToyMerge {
    /// Toys of one shard that no file holds.
    public struct MissingShard: Sendable, Equatable {
        public var shard: ToyShard
        /// Toys of the shard absent from the files.
        public var missingToys: Int
        /// The first absent index (the shard's toys from there on are missing).
        public var firstMissingIndex: UInt64

        /// `{"shard":"2/3","missing_toys":33,"first_missing_index":2}`.
        public var json: JSONValue {
            .object([("shard", .string(shard.description)), ("missing_toys", .integer(Int64(missingToys))),
                     ("first_missing_index", .unsigned(firstMissingIndex))])
        }
    }

    /// The merged run.
    public struct Result: Sendable {
        /// The header of the unsharded run (shard 0/1).
        public var header: ToyFileHeader
        /// All toys present, sorted by index.
        public var toys: [ToyResult]
        /// Shards with absent toys (empty for a complete merge).
        public var missing: [MissingShard]

        public var isPartial: Bool { !missing.isEmpty }
        public var missingToys: Int { missing.reduce(0) { $0 + $1.missingToys } }
    }

    public static func merge(_ parts: [ToyFile.Contents], allowPartial: Bool = false) throws(StatisticsError) -> Result {
        guard let first = parts.first else { throw StatisticsError("merge needs at least one toy file") }
        let header = first.header.with(shard: .all)
        let shardCount = first.header.shard.count
        var byShard: [Int: ToyFile.Contents] = [:]
        for part in parts {
            if part.header.shard.count != shardCount {
                throw StatisticsError("\(part.name):1: shard \(part.header.shard) is of a \(part.header.shard.count)-way split, \(first.name) of a \(shardCount)-way split")
            }
            if let difference = part.header.with(shard: .all).firstDifference(from: header) {
                throw StatisticsError("\(part.name):1: a different run than \(first.name): \(difference)")
            }
            if let other = byShard[part.header.shard.index] {
                throw StatisticsError("\(part.name):1: shard \(part.header.shard) given twice (also \(other.name))")
            }
            byShard[part.header.shard.index] = part
        }
        var missing: [MissingShard] = []
        var toys: [ToyResult] = []
        for k in 0..<shardCount {
            let shard = try ToyShard(index: k, count: shardCount)
            let positions = ToyShardPositions(totalToys: header.totalToys, shard: shard, firstIndex: header.firstIndex)
            guard let part = byShard[k] else {
                if !allowPartial {
                    throw StatisticsError("shard \(shard) is missing: no file given for it (give every shard, or --allow-partial)")
                }
                if positions.count > 0 { missing.append(MissingShard(shard: shard, missingToys: positions.count, firstMissingIndex: positions.index(at: 0))) }
                continue
            }
            if let line = part.truncatedLine, !allowPartial {
                throw StatisticsError("\(part.name):\(line): the last line is cut (an interrupted run: finish it with nue toys --resume, or merge with --allow-partial)")
            }
            if part.toys.count < positions.count {
                if !allowPartial {
                    throw StatisticsError("\(part.name):\(part.toys.count + 2): shard \(shard) ends after \(part.toys.count) of its \(positions.count) toys (an interrupted run: finish it with nue toys --resume, or merge with --allow-partial)")
                }
                missing.append(MissingShard(shard: shard, missingToys: positions.count - part.toys.count,
                                            firstMissingIndex: positions.index(at: part.toys.count)))
            }
            toys.append(contentsOf: part.toys)
        }
        toys.sort { $0.index < $1.index }
        return Result(header: header, toys: toys, missing: missing)
    }
}
