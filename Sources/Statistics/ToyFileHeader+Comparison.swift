extension ToyFileHeader {
    /// The first field in which `self` (read from a file) differs from `expected`, as
    /// "seed is 8 in the file, 7 expected"; nil when they agree. NaN equals NaN.
    public func firstDifference(from expected: ToyFileHeader) -> String? {
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        let fields: [(String, Bool, String, String)] = [
            ("limit_method", limitMethod == expected.limitMethod, limitMethod.rawValue, expected.limitMethod.rawValue),
            ("label", label == expected.label, ToyFile.quotedLabel(label), ToyFile.quotedLabel(expected.label)),
            ("seed", seed == expected.seed, "\(seed)", "\(expected.seed)"),
            ("shard", shard == expected.shard, "\(shard)", "\(expected.shard)"),
            ("total_toys", totalToys == expected.totalToys, "\(totalToys)", "\(expected.totalToys)"),
            ("first_index", firstIndex == expected.firstIndex, "\(firstIndex)", "\(expected.firstIndex)"),
            ("statistic", statistic == expected.statistic, statistic.rawValue, expected.statistic.rawValue),
            ("cl", same(confidenceLevel, expected.confidenceLevel), "\(confidenceLevel)", "\(expected.confidenceLevel)"),
            ("truth", same(truth, expected.truth), "\(truth)", "\(expected.truth)"),
            ("asimov_limit", same(asimovLimit, expected.asimovLimit), "\(asimovLimit)", "\(expected.asimovLimit)"),
            ("parameter", parameter == expected.parameter, parameter, expected.parameter),
            ("theta_unit", same(thetaUnit, expected.thetaUnit), "\(thetaUnit)", "\(expected.thetaUnit)"),
        ]
        guard let (name, _, found, wanted) = fields.first(where: { !$0.1 }) else { return nil }
        return "\(name) is \(found) in the file, \(wanted) expected"
    }
}

extension ToyFile {
    static func quotedLabel(_ label: String) -> String { "'\(label)'" }
}
