extension SolarRecoilRate {
    /// dR/dT with a weight w(E, T) ∈ [0, 1] inside the spectrum integral (docs/physics.md §15.4):
    ///
    ///     dR_w/dT = Φ ∫ dE φ(E) w(E, T) [ P_ee dσ_νe/dT + (1 − P_ee) dσ_νμ/dT ]     (s⁻¹ MeV⁻¹ per e⁻)
    ///
    /// e.g. the probability that a recoil of kinematic angle θ_e(E, T) passes a directional cut.
    /// w ≡ 1 is `differentialRate(recoil:)`. Same integration as the unweighted rate.
    public func differentialRate(recoil t: Double, weight: @escaping (_ neutrinoEnergy: Double, _ recoil: Double) -> Double) throws -> Double {
        guard t.isFinite, t > 0 else { throw PhysicsInputError.invalidRecoil(t) }
        let eMin = Kinematics.minNeutrinoEnergy(recoil: t)
        let integrand: (Double) -> Double = { e in
            guard e >= eMin else { return 0 }
            let p = survival.probability(neutrinoEnergy: e, component: component)
            return weight(e, t) * (p * electronNeutrino.differential(neutrinoEnergy: e, recoil: t)
                + (1 - p) * otherFlavors.differential(neutrinoEnergy: e, recoil: t))
        }
        switch spectrum {
        case .continuous(let s):
            guard eMin < s.endpoint else { return 0 }
            return flux * (try s.average(integrand, from: eMin))
        case .lines:
            return flux * (try spectrum.average(integrand))
        }
    }
}
