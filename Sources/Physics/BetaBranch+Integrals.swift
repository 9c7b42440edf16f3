import GSL

extension BetaBranch {
    /// ∫₀^{T₀} g(T) dN/dT dT with GSL QAG (61-point Gauss–Kronrod, relative tolerance 10⁻¹⁰);
    /// the unit is that of g.
    public func expectation(_ g: @escaping (Double) -> Double) throws -> Double {
        try integral(of: g, from: 0, to: endpointKineticEnergy)
    }

    /// Mean electron kinetic energy ⟨T⟩, MeV.
    public func meanKineticEnergy() throws -> Double { try expectation { $0 } }

    /// Cumulative distribution P(T_e ≤ t) for `t` in MeV (0 below 0, 1 above T₀).
    public func cumulativeProbability(kineticEnergy t: Double) throws -> Double {
        if t <= 0 { return 0 }
        if t >= endpointKineticEnergy { return 1 }
        return try integral(of: { _ in 1 }, from: 0, to: t)
    }

    /// P(T_e > t): the fraction of electrons above a kinetic-energy threshold `t` (MeV).
    public func fraction(above t: Double) throws -> Double {
        if t <= 0 { return 1 }
        if t >= endpointKineticEnergy { return 0 }
        return try integral(of: { _ in 1 }, from: t, to: endpointKineticEnergy)
    }

    /// ∫ₐᵇ g(T) dN/dT dT (normalized density), limits clipped to [0, T₀].
    func integral(of g: @escaping (Double) -> Double, from a: Double, to b: Double) throws -> Double {
        let lo = Swift.max(0, a), hi = Swift.min(endpointKineticEnergy, b)
        guard hi > lo else { return 0 }
        return try Integrator(limit: 200).qag(
            { t in g(t) * self.density(kineticEnergy: t) },
            from: lo, to: hi, absoluteTolerance: 1e-14, relativeTolerance: 1e-10).value
    }
}
