import CGSL

/// Special functions from `gsl_sf` used by the β-decay and scattering physics.
public enum SpecialFunctions {
    /// ln|Γ(x + iy)| (`gsl_sf_lngamma_complex_e`).
    public static func logAbsGammaComplex(real x: Double, imaginary y: Double) throws -> Double {
        GSLRuntime.prepare()
        var lnr = gsl_sf_result(), arg = gsl_sf_result()
        try GSLError.check(gsl_sf_lngamma_complex_e(x, y, &lnr, &arg), "ln Γ(\(x) + \(y)i)")
        return lnr.val
    }

    /// ln Γ(x) for real x > 0.
    public static func logGamma(_ x: Double) -> Double { gsl_sf_lngamma(x) }

    /// Regular and irregular Coulomb wave functions F_L(η, ρ), G_L(η, ρ)
    /// (`gsl_sf_coulomb_wave_FG_e`), as used for barrier penetrabilities P_L = ρ/(F² + G²).
    public static func coulombWave(L: Double, eta: Double, rho: Double) throws -> (F: Double, G: Double) {
        GSLRuntime.prepare()
        var f = gsl_sf_result(), fp = gsl_sf_result(), g = gsl_sf_result(), gp = gsl_sf_result()
        var expF = 0.0, expG = 0.0
        let status = gsl_sf_coulomb_wave_FG_e(eta, rho, L, 0, &f, &fp, &g, &gp, &expF, &expG)
        // GSL_EOVRFLW is reported with finite mantissas and exponents for deep sub-barrier ρ.
        if status != GSL_SUCCESS && status != GSL_EOVRFLW {
            try GSLError.check(status, "Coulomb wave functions L = \(L), η = \(eta), ρ = \(rho)")
        }
        return (f.val * exp(expF), g.val * exp(expG))
    }

    /// e^{−|x|} I₀(x), the exponentially scaled modified Bessel function of order 0
    /// (`gsl_sf_bessel_I0_scaled`; Abramowitz & Stegun 9.6.12): finite for any finite x.
    public static func besselI0Scaled(_ x: Double) -> Double {
        GSLRuntime.prepare()
        var r = gsl_sf_result()
        guard gsl_sf_bessel_I0_scaled_e(x, &r) == GSL_SUCCESS else { return .nan }
        return r.val
    }

    /// The real dilogarithm Li₂(x) = −∫₀ˣ ln(1 − t)/t dt for real x (`gsl_sf_dilog`), used by
    /// the QED corrections to ν–e scattering (docs/physics.md §9). Li₂(1) = π²/6.
    public static func dilogarithm(_ x: Double) -> Double {
        GSLRuntime.prepare()
        var r = gsl_sf_result()
        guard gsl_sf_dilog_e(x, &r) == GSL_SUCCESS else { return .nan }
        return r.val
    }
}
