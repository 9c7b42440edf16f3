import GSL

extension NeutrinoSpectrum {
    /// ∫_{lower}^{end} f(E) dN/dE dE: the average restricted to E ≥ `lower` MeV (same unit as f),
    /// with GSL QAG piecewise over the grid like `average`, starting exactly at `lower` so that an
    /// integrand with a step there (a kinematic threshold) is integrated without bisecting the step.
    public func average(_ f: @escaping (Double) -> Double, from lower: Double) throws -> Double {
        let integrator = Integrator(limit: 200)
        var sum = 0.0
        let stride = max(1, energies.count / 64)
        var i = 0
        while i < energies.count - 1 {
            let j = min(i + stride, energies.count - 1)
            let a = max(energies[i], lower), b = energies[j]
            if b > a {
                sum += try integrator.qag({ f($0) * self.density(at: $0) }, from: a, to: b,
                                          absoluteTolerance: 1e-14, relativeTolerance: 1e-9).value
            }
            i = j
        }
        return sum
    }
}
