import Foundation
import GSL
import NueTestSupport
import Testing
@testable import Physics

/// The yearly distribution of solar-ν directions relative to a horizontal axis (docs/physics.md §13.6).
@Suite struct SolarDirectionTests {
    /// At the pole (φ = 90°) the Sun circles the horizon at elevation δ: n̂·â = cos δ cos(H − H₀), so
    /// ⟨cos ψ⟩ = 0 and ⟨cos²ψ⟩ = ⟨cos²δ⟩_r/2 with the 1/r² weight; both computed here by GSL QAG over the
    /// year (the sampler uses a 365 × 96 grid and bin centres: 5×10⁻⁴ tolerance for the 200 bins).
    @Test func poleAgainstQuadrature() throws {
        let s = try SolarDirection(latitudeDegrees: 90, axisAzimuthDegrees: 30)
        #expect(abs(s.average { $0 }) < 1e-3)
        let integrator = Integrator()
        func weight(_ d: Double) -> Double {
            let r = 1 - SolarDirection.eccentricity * cos(2 * Double.pi * (d - 3) / 365.25)
            return 1 / (r * r)
        }
        let norm = try integrator.qag(weight, from: 0, to: 365.25).value
        let cos2 = try integrator.qag({ d in weight(d) * pow(cos(SolarDirection.declination(dayOfYear: d)), 2) },
                                      from: 0, to: 365.25).value / norm
        #expect(abs(s.average { $0 * $0 } - cos2 / 2) < 5e-4, "\(s.average { $0 * $0 }) vs \(cos2 / 2)")
        #expect(abs(s.probabilities.reduce(0, +) - 1) < 1e-12)
    }

    /// At the equator with the axis pointing north, n̂·â = −sin δ for every hour: |cos ψ| ≤ sin 23.44°,
    /// and the year is symmetric around 0 (⟨cos ψ⟩ ≈ 0 up to the 1/r² weight, which favours the
    /// southern-declination (northward-travelling) half by ~2e·(2/π)·sin ε ≈ 0.008).
    @Test func equatorNorthAxis() throws {
        let s = try SolarDirection(latitudeDegrees: 0, axisAzimuthDegrees: 0)
        let limit = sin(SolarDirection.obliquityDegrees * Double.pi / 180)
        for (k, p) in s.probabilities.enumerated() where p > 0 {
            let lo = -1 + Double(k) * 0.01
            #expect(lo < limit + 1e-9 && lo + 0.01 > -limit - 1e-9)
        }
        #expect(abs(s.average { $0 }) < 0.012)
        #expect(throws: PhysicsInputError.self) { try SolarDirection(latitudeDegrees: 91, axisAzimuthDegrees: 0) }
    }
}
