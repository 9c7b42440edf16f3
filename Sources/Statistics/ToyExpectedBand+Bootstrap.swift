import GSL

extension ToyExpectedBand {
    /// Statistical errors of the five expected limits from the toys' finite number: the standard
    /// deviation over `replicas` bootstrap resamplings of the scan (Efron & Tibshirani, *An
    /// Introduction to the Bootstrap* (1993), ch. 6). Replica r draws N_b background-only and
    /// N_s signal-plus-background toys with replacement from RandomStream(seed: S, index:
    /// 2⁵⁰ + r), the same toys at every grid point (a toy is one data set across the grid), and
    /// recomputes the band. Deterministic; no new fits. An edge that is 0 or NaN in a replica
    /// is left out of that edge's deviation (NaN when fewer than two replicas remain).
    public static func bootstrapErrors(scan: ToyTestStatisticScan, method: Method = .clsb, confidenceLevel: Double = 0.90,
                                       replicas: Int = 200) throws(StatisticsError) -> ExpectedBand {
        guard replicas >= 2 else { throw StatisticsError("the bootstrap needs at least 2 replicas") }
        let stream = RandomStream(seed: scan.seed, index: 0)
        var values: [[Double]] = Array(repeating: [], count: 5)
        for r in 0..<replicas {
            stream.reseed(seed: scan.seed, index: (UInt64(1) << 50) + UInt64(r))
            func draw(_ count: Int) -> [Int] { (0..<count).map { _ in min(count - 1, Int(stream.uniform() * Double(count))) } }
            let b = draw(scan.backgroundToys), s = draw(scan.signalToys)
            let resampled = try ToyTestStatisticScan(
                grid: scan.grid, backgroundOnly: scan.backgroundOnly.map { row in b.map { row[$0] } },
                signalPlusBackground: scan.signalPlusBackground.map { row in s.map { row[$0] } }, seed: scan.seed)
            let band = try ToyExpectedBand(scan: resampled, method: method, confidenceLevel: confidenceLevel).band
            for (n, x) in [band.minus2, band.minus1, band.median, band.plus1, band.plus2].enumerated() where x.isFinite && x > 0 {
                values[n].append(x)
            }
        }
        let deviations = values.map { x -> Double in
            guard x.count >= 2 else { return .nan }
            let mean = x.reduce(0, +) / Double(x.count)
            return (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)).squareRoot()
        }
        return ExpectedBand(minus2: deviations[0], minus1: deviations[1], median: deviations[2], plus1: deviations[3], plus2: deviations[4])
    }
}
