extension NeutrinoSpectrum {
    /// The flux-averaged cross section for recoils above `thresholdMeV`, cm² per electron:
    ///
    ///     ⟨σ⟩ = ∫ dE (dN/dE) ∫_{T_th}^{T_max(E)} dσ/dT dT
    ///
    /// Neutrinos below E_min(T_th) contribute nothing. `thresholdMeV` must be > 0 for a
    /// magnetic-moment term (its total diverges like ln T).
    public func fluxAveragedCrossSection(_ crossSection: any CrossSection, recoilAboveMeV thresholdMeV: Double) throws -> Double {
        guard thresholdMeV.isFinite, thresholdMeV >= 0 else {
            throw PhysicsInputError.invalidParameter(name: "threshold", value: thresholdMeV, requirement: "must be a finite non-negative number of MeV")
        }
        let eMin = Kinematics.minNeutrinoEnergy(recoil: thresholdMeV)
        var failure: Error?
        let value = try average { e in
            guard e > eMin else { return 0 }
            do {
                return try crossSection.integrated(neutrinoEnergy: e, recoilFrom: thresholdMeV, to: Kinematics.maxRecoil(neutrinoEnergy: e))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return value
    }
}
