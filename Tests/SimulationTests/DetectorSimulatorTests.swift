import Foundation
import GSL
import Testing
@testable import Simulation

@Suite struct DetectorSimulatorTests {
    static func smear(_ detector: Detector, recoil t: Double, cosTheta: Double = 1, count: Int = 100_000, seed: UInt64 = 4) -> [Event] {
        let sim = DetectorSimulator(detector: detector, thresholdMeV: 1)
        let stream = RandomStream(seed: seed)
        return (0..<count).map { _ in
            var e = Event(neutrinoEnergyMeV: 10, recoilMeV: t, cosTheta: cosTheta)
            sim.simulate(&e, stream: stream)
            return e
        }
    }

    /// KamLAND at T = 4 MeV: σ = 0.064 √4 = 0.128 MeV. The sample standard deviation of 10⁵ draws
    /// has a relative error 1/√(2N) = 0.22 %; tolerance 1.2 %. Mean within 5σ/√N.
    @Test func energySmearingWidthMatchesResolution() {
        let events = Self.smear(.kamland, recoil: 4)
        let d = events.map { $0.recoRecoilMeV - 4 }
        let mean = d.reduce(0, +) / Double(d.count)
        let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(d.count - 1)).squareRoot()
        #expect(abs(sd / 0.128 - 1) < 0.012)
        #expect(abs(mean) < 5 * 0.128 / Double(d.count).squareRoot())
        #expect(events.allSatisfy { $0.cosThetaReco.isNaN })
    }

    /// Near T = 0 the truncated Gaussian keeps T_reco ≥ 0: with σ = √(0.15² · 0.05 + 0.03² · 0.0025) the
    /// fraction below 2σ_-truncated mean… simplest check: no negative value and the fraction above T is
    /// (1 − Φ(0)) / Φ(T/σ) = 0.5 / Φ(T/σ).
    @Test func reconstructedEnergyStaysPhysical() {
        let t = 0.05
        let events = Self.smear(.duneLAr, recoil: t)
        #expect(events.allSatisfy { $0.recoRecoilMeV >= 0 })
        let sigma = Detector.duneLAr.resolution.sigmaMeV(at: t)
        let expected = 0.5 / Distributions.normalCDF(t / sigma)
        let fraction = Double(events.filter { $0.recoRecoilMeV > t }.count) / Double(events.count)
        #expect(abs(fraction - expected) < 5 * (expected * (1 - expected) / Double(events.count)).squareRoot())
    }

    /// DUNE-like, 30°: for a true direction along z, cos θ' = cos δ, whose von Mises–Fisher mean is
    /// coth κ − 1/κ with κ = 1/σ² (σ = π/6): 0.72718. Std of cos δ ≲ 0.3 → error 0.001; tolerance 0.005.
    /// For a general direction, ⟨cos θ'⟩ = cos θ ⟨cos δ⟩ (the azimuth term averages to 0).
    @Test func directionSmearingMatchesResolution() {
        let kappa = 1 / pow(Double.pi / 6, 2)
        let expected = 1 / tanh(kappa) - 1 / kappa
        let along = Self.smear(.duneLAr, recoil: 5).map(\.cosThetaReco)
        #expect(abs(along.reduce(0, +) / Double(along.count) - expected) < 0.005)
        let tilted = Self.smear(.duneLAr, recoil: 5, cosTheta: 0.6).map(\.cosThetaReco)
        #expect(abs(tilted.reduce(0, +) / Double(tilted.count) - 0.6 * expected) < 0.005)
        #expect(tilted.allSatisfy { $0 >= -1 && $0 <= 1 })
    }

    @Test func idealDetectorIsExact() {
        let events = Self.smear(.ideal, recoil: 2.5, cosTheta: 0.93, count: 100)
        #expect(events.allSatisfy { $0.recoRecoilMeV == 2.5 && $0.cosThetaReco == 0.93 && $0.detected })
    }

    /// Efficiency 0.6 and a threshold far below T: the detected fraction is binomial(0.6).
    @Test func efficiencyIsApplied() {
        var d = Detector.kamland
        d.efficiency = 0.6
        let events = Self.smear(d, recoil: 5, count: 50_000)
        let fraction = Double(events.filter(\.detected).count) / 50_000
        #expect(abs(fraction - 0.6) < 5 * (0.24 / 50_000).squareRoot())
    }
}
