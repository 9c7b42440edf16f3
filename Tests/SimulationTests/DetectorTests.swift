import Foundation
import GSL
import Testing
@testable import Simulation

@Suite struct DetectorTests {
    @Test func presetTargetElectrons() throws {
        // physics.md §5: mass (kt) × electrons per kt.
        #expect(abs(try Detector.preset(named: "kamland").targetElectrons / (0.897 * 3.43e32) - 1) < 1e-12)
        #expect(abs(try Detector.preset(named: "juno").targetElectrons / (20 * 3.37e32) - 1) < 1e-12)
        #expect(abs(try Detector.preset(named: "snoplus").targetElectrons / (0.780 * 3.37e32) - 1) < 1e-12)
        #expect(abs(try Detector.preset(named: "dune-lar").targetElectrons / (10 * 2.71e32) - 1) < 1e-12)
        for name in Detector.presetNames { try Detector.preset(named: name).validate() }
    }

    @Test func unknownDetectorIsAnError() {
        #expect(throws: SimulationError.unknownDetector("kamlan")) { try Detector.preset(named: "kamlan") }
    }

    @Test func resolutionFormula() {
        // KamLAND 6.4 %/√E at T = 4 MeV: σ = 0.064 · √4 = 0.128 MeV.
        #expect(abs(EnergyResolution(stochastic: 0.064).sigmaMeV(at: 4) - 0.128) < 1e-15)
        // a ⊕ b ⊕ c: √(0.15²·4 + 0.03²·16 + 0.05²) = √(0.09 + 0.0144 + 0.0025) = 0.32696...
        #expect(abs(EnergyResolution(stochastic: 0.15, constant: 0.03, noiseMeV: 0.05).sigmaMeV(at: 4) - 0.1069.squareRoot()) < 1e-15)
    }

    /// ⟨1/L²⟩ over the sphere by a direct GSL double integral in (r, cos θ) of 1/(D² + r² − 2Dr cos θ)
    /// with weight 3r²/(2R³) — no shell formula — against the closed form.
    @Test(arguments: [(16.0, 6.5), (25.0, 17.7), (20.0, 11.96), (10.0, 9.0)])
    func meanInverseSquareDistance(distance: Double, radius: Double) throws {
        let geometry = DetectorGeometry(sourceDistanceMeters: distance, fiducialRadiusMeters: radius)
        let outer = Integrator(), inner = Integrator()
        let numeric = try outer.qag({ r in
            let shell = try! inner.qag({ c in 1 / (distance * distance + r * r - 2 * distance * r * c) },
                                       from: -1, to: 1, relativeTolerance: 1e-12).value
            return 3 * r * r / (2 * radius * radius * radius) * shell
        }, from: 0, to: radius, relativeTolerance: 1e-11).value
        #expect(abs(geometry.meanInverseSquareDistancePerSquareMeter / numeric - 1) < 1e-9)
    }

    @Test func smallSphereTendsToPointSource() {
        // R ≪ D: 1/D² (1 + R²/(5D²)).
        let g = DetectorGeometry(sourceDistanceMeters: 100, fiducialRadiusMeters: 1)
        #expect(abs(g.meanInverseSquareDistancePerSquareMeter * 1e4 - (1 + 1 / 5e4)) < 1e-9)
    }
}

@Suite struct DetectorCodingTests {
    @Test func presetsRoundTripThroughJSON() throws {
        for name in Detector.presetNames {
            let d = try Detector.preset(named: name)
            let back = try JSONDecoder().decode(Detector.self, from: try JSONEncoder().encode(d))
            #expect(back == d)
        }
    }

    /// A run card can define its own detector; its numbers are used as given.
    @Test func customDetectorFromJSON() throws {
        let json = """
            {"name": "my-ls", "targetMassTonnes": 500, "electronsPerKilotonne": 3.4e32,
             "resolution": {"stochastic": 0.05, "constant": 0.01, "noiseMeV": 0},
             "thresholdMeV": 2.5, "efficiency": 0.9,
             "geometry": {"sourceDistanceMeters": 20, "fiducialRadiusMeters": 5}, "notes": ""}
            """
        let d = try JSONDecoder().decode(Detector.self, from: Data(json.utf8))
        try d.validate()
        #expect(d.directionResolutionDegrees == nil && !d.measuresDirection)
        #expect(abs(d.targetElectrons - 1.7e32) < 1e20)
        let s = try Scenario(detector: d, spectrum: Fixtures.spectrum)
        #expect(s.thresholdMeV == 2.5 && s.binning.lower == 2.5)
    }
}
