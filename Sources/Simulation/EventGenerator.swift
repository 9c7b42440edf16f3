import Foundation
import GSL
import Physics

/// Samples (E_ν, T, cos θ_e, azimuth) from φ(E) dσ/dT(E, T) exactly, for any `ScatteringModel`.
///
/// Variables (E, u) on a rectangle, T = T_lo + u (T_max(E) − T_lo), E ∈ [E_min(T_lo), E_end],
/// density f(E, u) = φ(E) dσ/dT(E, T) (T_max(E) − T_lo). The rectangle is cut into cells; each
/// cell's bound is the maximum of |f| on a 5×5 lattice times a safety factor 1.05, checked on an
/// 8×8 interior lattice at set-up (raised if exceeded). Sampling: a cell from a Walker alias table
/// (`AliasTable`) ∝ bound × area, a uniform point in it, then
/// - unweighted: accept with probability f/bound (exact for any f ≤ bound; an f above its bound
///   is counted in `boundViolations`, which tests require to stay 0);
/// - weighted: keep every point with weight f/g / ∫f (g the piecewise-constant proposal), so the
///   weights have mean 1 (mean −1 if the region's integral is negative) and may be negative where
///   f < 0 (e.g. a negative κ² excursion).
/// Unweighted mode refuses a model whose density is negative anywhere on the lattice.
/// With radiative corrections f uses the tree-level model plus `RadiativeCorrectionTable`, so the
/// events follow that tabulated density (docs/physics.md §9.5).
public final class EventGenerator: @unchecked Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case unweighted
        case weighted
    }

    public let model: ScatteringModel
    public let mode: Mode
    /// Least true T generated, MeV.
    public let lowestRecoilMeV: Double
    /// ∫ φ dσ/dT over the generation region: the flux-averaged cross section for T ≥ T_lo, cm²
    /// (per electron, per neutrino of the normalized spectrum).
    public let regionCrossSection: Double
    public let energyRange: ClosedRange<Double>
    /// Cells in E and in u.
    public let energyCells: Int, recoilCells: Int
    /// Bound corrections made at set-up (a cell's lattice maximum exceeded by the finer check).
    public let setupCorrections: Int

    @usableFromInline let spectrum: SpectrumTable
    @usableFromInline let bounds: UnsafeMutablePointer<Double>
    /// Lower corner (E, u) of each cell.
    @usableFromInline let cellEnergy: UnsafeMutablePointer<Double>, cellU: UnsafeMutablePointer<Double>
    @usableFromInline let alias: AliasTable
    @usableFromInline let eLow: Double, eStep: Double, uStep: Double
    /// (Σ bound × area) / ∫f: turns f/bound into a mean-1 weight.
    @usableFromInline let weightScale: Double
    /// The correction table when the model has radiative corrections (kept alive for `correctionLookup`).
    let correction: RadiativeCorrectionTable?
    @usableFromInline let correctionLookup: RadiativeCorrectionTable.Lookup?

    public static let safetyFactor = 1.05

    /// - Parameters:
    ///   - regionCrossSection: ∫ f over the region (cm²), e.g. from `Scenario.templates()`; used
    ///     for the weighted-mode normalization and the expected event count.
    public init(spectrum: NeutrinoSpectrum, model: ScatteringModel, lowestRecoilMeV tLow: Double,
                regionCrossSection: Double, mode: Mode = .unweighted,
                energyCells: Int = 160, recoilCells: Int = 40) throws {
        let eHigh = spectrum.endpoint
        let eLowValue = Kinematics.minNeutrinoEnergy(recoil: tLow)
        guard regionCrossSection.isFinite, regionCrossSection != 0 else {
            throw SimulationError.invalidParameter(name: "region cross section (cm²)", value: regionCrossSection,
                                                   requirement: "must be finite and non-zero")
        }
        guard tLow > 0, eHigh > eLowValue else {
            throw SimulationError.emptyGenerationRegion("the lowest recoil \(tLow) MeV is not below T_max(E_end) = \(Kinematics.maxRecoil(neutrinoEnergy: eHigh)) MeV")
        }
        self.model = model
        self.mode = mode
        self.lowestRecoilMeV = tLow
        self.regionCrossSection = regionCrossSection
        self.energyRange = eLowValue...eHigh
        self.energyCells = energyCells
        self.recoilCells = recoilCells
        let table = SpectrumTable(spectrum)
        self.spectrum = table
        let correctionTable = model.radiativeCorrections ? RadiativeCorrectionTable(model: model, energyRange: eLowValue...eHigh, lowestRecoilMeV: tLow) : nil
        let correction = correctionTable?.lookup
        self.correction = correctionTable
        self.correctionLookup = correction
        eLow = eLowValue
        eStep = (eHigh - eLowValue) / Double(energyCells)
        uStep = 1 / Double(recoilCells)

        func f(_ e: Double, _ u: Double) -> Double {
            Self.density(model: model, correction: correction, spectrum: table, tLow: tLow, neutrinoEnergyMeV: e, u: u).value
        }
        // Coarse lattice shared by neighbouring cells.
        let sub = 4
        let nx = energyCells * sub + 1, ny = recoilCells * sub + 1
        var lattice = [Double](repeating: 0, count: nx * ny)
        for i in 0..<nx {
            let e = eLowValue + (eHigh - eLowValue) * Double(i) / Double(nx - 1)
            for j in 0..<ny {
                let u = Double(j) / Double(ny - 1)
                let v = f(e, u)
                if v < 0, mode == .unweighted {
                    let t = tLow + u * (Kinematics.maxRecoil(neutrinoEnergy: e) - tLow)
                    throw SimulationError.negativeDensity(neutrinoEnergyMeV: e, recoilMeV: t,
                                                          value: model.differential(neutrinoEnergyMeV: e, recoilMeV: t))
                }
                lattice[i * ny + j] = abs(v)
            }
        }
        var b = [Double](repeating: 0, count: energyCells * recoilCells)
        var corrections = 0
        let check = 8
        for ci in 0..<energyCells {
            for cj in 0..<recoilCells {
                var m = 0.0
                for i in (ci * sub)...(ci * sub + sub) {
                    for j in (cj * sub)...(cj * sub + sub) { m = max(m, lattice[i * ny + j]) }
                }
                var bound = m * Self.safetyFactor
                var fine = 0.0
                for a in 0..<check {
                    let e = eLowValue + eStep * (Double(ci) + (Double(a) + 0.5) / Double(check))
                    for c in 0..<check {
                        let u = uStep * (Double(cj) + (Double(c) + 0.5) / Double(check))
                        let raw = f(e, u)
                        if raw < 0, mode == .unweighted {
                            let t = tLow + u * (Kinematics.maxRecoil(neutrinoEnergy: e) - tLow)
                            throw SimulationError.negativeDensity(neutrinoEnergyMeV: e, recoilMeV: t,
                                                                  value: model.differential(neutrinoEnergyMeV: e, recoilMeV: t))
                        }
                        fine = max(fine, abs(raw))
                    }
                }
                if fine > bound {
                    corrections += 1
                    bound = fine * Self.safetyFactor * Self.safetyFactor
                }
                b[ci * recoilCells + cj] = bound
            }
        }
        guard b.contains(where: { $0 > 0 }) else {
            throw SimulationError.emptyGenerationRegion("the event density is zero everywhere above T = \(tLow) MeV")
        }
        bounds = .allocate(capacity: b.count)
        bounds.initialize(from: b, count: b.count)
        cellEnergy = .allocate(capacity: b.count)
        cellU = .allocate(capacity: b.count)
        for c in 0..<b.count {
            cellEnergy[c] = eLowValue + eStep * Double(c / recoilCells)
            cellU[c] = uStep * Double(c % recoilCells)
        }
        alias = try AliasTable(weights: b)
        setupCorrections = corrections
        let cellArea = eStep * uStep
        weightScale = b.reduce(0, +) * cellArea / abs(regionCrossSection)
    }

    /// f(E, u) and the recoil T it maps to.
    @inlinable
    static func density(model: ScatteringModel, correction: RadiativeCorrectionTable.Lookup?, spectrum: SpectrumTable, tLow: Double,
                        neutrinoEnergyMeV e: Double, u: Double) -> (value: Double, recoil: Double) {
        let span = Kinematics.maxRecoil(neutrinoEnergy: e) - tLow
        let t = tLow + u * span
        guard span > 0, t > 0 else { return (0, t) }
        let phi = spectrum.density(at: e)
        guard phi > 0 else { return (0, t) }
        var rate = model.treeDifferentialInRange(neutrinoEnergyMeV: e, recoilMeV: t)
        if let correction { rate += correction.difference(neutrinoEnergyMeV: e, recoilFraction: u) }
        return (phi * rate * span, t)
    }

    /// The fraction of proposals accepted in unweighted mode: ∫f / Σ(bound × area).
    public var acceptanceEfficiency: Double { 1 / weightScale }

    deinit {
        bounds.deallocate()
        cellEnergy.deallocate()
        cellU.deallocate()
    }

    /// Draws `count` events into `events` (replacing its contents) with `stream`; returns the number
    /// of bound violations seen (0 unless the bound check failed).
    @inlinable
    public func sample(count: Int, stream: RandomStream, into events: inout [Event]) -> Int {
        sample(count: count, stream: stream, into: &events) { _ in }
    }

    /// As `sample(count:stream:into:)`, applying `process` (e.g. the detector, with the same
    /// stream) to each event right after it is drawn.
    @inlinable
    public func sample(count: Int, stream: RandomStream, into events: inout [Event], process: (inout Event) -> Void) -> Int {
        // The events are written in place (no per-event append): the array is resized to `count`
        // (keeping its storage when it is reused block after block), then filled in order.
        let count = max(0, count)
        if events.count > count {
            events.removeLast(events.count - count)
        } else if events.count < count {
            events.append(contentsOf: repeatElement(Event(), count: count - events.count))
        }
        var violations = 0
        let twoPi = 2 * Double.pi
        let weighted = mode == .weighted
        let model = self.model, spectrum = self.spectrum, tLow = lowestRecoilMeV
        let eStep = self.eStep, uStep = self.uStep, bounds = self.bounds, alias = self.alias
        let cellEnergy = self.cellEnergy, cellU = self.cellU, weightScale = self.weightScale, correction = self.correctionLookup
        events.withUnsafeMutableBufferPointer { buffer in
            guard let out = buffer.baseAddress else { return }
            var filled = 0
            while filled < count {
                // The four uniforms of a trial are drawn together: no opaque call interrupts the
                // arithmetic below (each call forces the live floating-point registers to the stack).
                let r0 = stream.uniform(), r1 = stream.uniform(), r2 = stream.uniform(), r3 = stream.uniform()
                let cell = alias.index(uniform: r0)
                let e = cellEnergy[cell] + eStep * r1
                let u = cellU[cell] + uStep * r2
                let (f, t) = Self.density(model: model, correction: correction, spectrum: spectrum, tLow: tLow, neutrinoEnergyMeV: e, u: u)
                let bound = bounds[cell]
                var weight = 1.0
                if !weighted {
                    if f > bound { violations += 1 }
                    if r3 * bound >= f { continue }
                } else {
                    if abs(f) > bound { violations += 1 }
                    weight = f / bound * weightScale
                }
                let cosTheta = min(1, Kinematics.cosRecoilAngle(neutrinoEnergy: e, recoil: t))
                let slot = out + filled
                slot.pointee = Event(neutrinoEnergyMeV: e, recoilMeV: t, cosTheta: cosTheta,
                                     azimuth: twoPi * stream.uniform(), weight: weight)
                process(&slot.pointee)
                filled += 1
            }
        }
        return violations
    }
}
