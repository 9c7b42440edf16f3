import Foundation
import Testing
import Physics
import Simulation
import Statistics
@testable import Studies

/// The argon module with detector and source systematics (docs/physics.md §16.9): the refolds at a
/// shift against configurations that produce the same response another way, and the profiled
/// limits against the plain ones and the card's table.
struct ArgonSystematicsTests {
    /// A 3 MeV, 1 MeV-bin base point with every background and a neutron-capture containment of 0.9
    /// (so that an energy scale can be mimicked by a containment below 1).
    static func config() -> ArgonConfiguration {
        var c = ArgonConfiguration()
        c.binWidthMeV = 1
        c.depletion = 100
        c.backgrounds.neutronCaptureContainment = 0.9
        return c
    }

    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(abs($0), abs($1), 1e-300) }
    }

    /// Three shifts whose response another configuration gives exactly:
    /// - resolution scale r: σ × (1 + r) is the configuration with a, b, c × (1 + r) (the same
    ///   arithmetic: to 10⁻¹² relative, every template);
    /// - efficiency scale e: every template × (1 + e) (to 10⁻¹²);
    /// - energy scale α (no non-linearity): the 6.1 MeV capture line at c_γ E moves to (1 + α) c_γ E,
    ///   the configuration with containment (1 + α) c_γ (to 10⁻¹⁰: one rounding of the product).
    @Test func refoldsAtAShiftEqualTheShiftedConfiguration() throws {
        let analysis = try ArgonAnalysis()
        let base = Self.config(), c = 0.5
        let nominal = try analysis.signalTemplates(base, cosineCut: c)
        let binning = nominal.binning

        let r = 0.1
        let byShift = try SystematicShift(resolutionScale: r)
        var wider = base
        wider.resolution = EnergyResolution(stochastic: base.resolution.stochastic * (1 + r), constant: base.resolution.constant * (1 + r),
                                            noiseMeV: base.resolution.noiseMeV * (1 + r))
        #expect(Self.close(try analysis.signalTemplates(base, cosineCut: c, shift: byShift).standardModel,
                           try analysis.signalTemplates(wider, cosineCut: c).standardModel, 1e-12))
        #expect(Self.close(try analysis.backgroundCounts(base, binning: binning, shift: byShift),
                           try analysis.backgroundCounts(wider, binning: binning), 1e-12))
        let shiftedExtras = try analysis.extraBackgrounds(base, cosineCut: c, binning: binning, shift: byShift)
        let widerExtras = try analysis.extraBackgrounds(wider, cosineCut: c, binning: binning)
        #expect(shiftedExtras.map(\.name) == widerExtras.map(\.name) && shiftedExtras.count >= 4, "\(shiftedExtras.map(\.name))")
        for (a, b) in zip(shiftedExtras, widerExtras) { #expect(Self.close(a.cut, b.cut, 1e-12), "\(a.name)") }

        let e = 0.05
        let efficiency = try SystematicShift(efficiencyScale: e)
        #expect(Self.close(try analysis.signalTemplates(base, cosineCut: c, shift: efficiency).magneticMomentPerKappaSquared,
                           nominal.magneticMomentPerKappaSquared.map { $0 * (1 + e) }, 1e-12))
        #expect(Self.close(try analysis.backgroundCounts(base, binning: binning, shift: efficiency),
                           try analysis.backgroundCounts(base, binning: binning).map { $0 * (1 + e) }, 1e-12))
        let nominalExtras = try analysis.extraBackgrounds(base, cosineCut: c, binning: binning)
        for (a, b) in zip(try analysis.extraBackgrounds(base, cosineCut: c, binning: binning, shift: efficiency), nominalExtras) {
            #expect(Self.close(a.cut, b.cut.map { $0 * (1 + e) }, 1e-12), "\(a.name)")
        }

        let alpha = 0.02
        var brighter = base
        brighter.backgrounds.neutronCaptureContainment = base.backgrounds.neutronCaptureContainment * (1 + alpha)
        let moved = try analysis.extraBackgrounds(base, cosineCut: c, binning: binning, shift: try SystematicShift(energyScale: alpha))
        let line = try #require(moved.first { $0.name == "n-capture" })
        let reference = try #require(try analysis.extraBackgrounds(brighter, cosineCut: c, binning: binning).first { $0.name == "n-capture" })
        #expect(Self.close(line.cut, reference.cut, 1e-10))
    }

    /// Profiled limits at the base point (μν): without shape systematics it is `evaluate`'s limit (the
    /// same model, to 10⁻¹²); three of the dune-lar preset's nuisances (the energy map, the resolution
    /// and the ⁸Li shape: three refold paths) widen it, and holding any one gives a limit between the
    /// two (10⁻⁶ for the root searches). An efficiency nuisance alone, whose refolds are
    /// the nominal templates × (1 ± e) exactly, widens it, and held it gives back the plain limit
    /// (10⁻⁷, as `SystematicLikelihoodTests.noSystematics`). (Nuisances of σ = 10⁻⁶ on every response
    /// parameter move it by up to 4×10⁻⁵: the refolds' quadrature noise, ~10⁻⁹ of 10⁹-event ⁴²Ar bins,
    /// acts like a shape of about one event.)
    @Test func profiledLimits() throws {
        let analysis = try ArgonAnalysis()
        let base = Self.config()
        let plain = try analysis.evaluate(base, model: .magneticMoment)
        let preset = try SystematicNuisance.defaults(detector: "dune-lar").filter { [.energyScale, .resolutionScale, .sourceShape].contains($0.kind) }
        let result = try analysis.systematicLimits(base, model: .magneticMoment, cosineCut: plain.cosineCut, systematics: preset)
        #expect(abs(result.limitWithoutSystematics / plain.limit - 1) < 1e-12)
        #expect(result.failedFits == 0)
        #expect(result.limit > plain.limit * (1 + 1e-4), "\(result.limit) vs \(plain.limit)")
        #expect(result.held.map(\.name) == ["energy-scale", "resolution", "source-shape"])
        for h in result.held {
            #expect(h.limit <= result.limit * (1 + 1e-6) && h.limit >= plain.limit * (1 - 1e-6), "\(h.name): \(h.limit)")
        }
        let efficiency = try analysis.systematicLimits(base, model: .magneticMoment, cosineCut: plain.cosineCut,
                                                       systematics: [try SystematicNuisance(.efficiency, sigma: 0.02)])
        #expect(efficiency.limit > plain.limit * (1 + 1e-4))
        #expect(abs(efficiency.held[0].limit / plain.limit - 1) < 1e-7, "\(efficiency.held[0].limit) vs \(plain.limit)")
        print("argon μν at cos θ > \(plain.cosineCut): \(plain.limit) → \(result.limit) with the dune-lar energy scale, resolution and ⁸Li shape, "
              + "\(efficiency.limit) with 2 % efficiency alone; held: \(result.held)")
    }
}
