import Foundation
import GSL
import Output
import Physics
import Simulation

/// One background of an argon point in reconstructed energy, before and after the direction cut.
struct ArgonTemplate {
    var name: String
    /// Per bin, before the cut.
    var uncut: [Double]
    /// Per bin, passing cos θ_reco > c.
    var cut: [Double]
    var sigma: Double
    var direction: String
    var reference: String
    var assumed: Bool

    var count: ArgonBackgroundCount {
        ArgonBackgroundCount(name: name, events: cut.reduce(0, +), eventsBeforeCut: uncut.reduce(0, +), sigma: sigma,
                             direction: direction, reference: reference, rateIsAssumed: assumed)
    }
}

extension ArgonAnalysis {
    /// The templates of the backgrounds beyond ⁴²Ar/⁴²K (docs/physics.md §15) on `binning`, for the
    /// cut cos θ_reco > c, through the configuration's response (`DetectorResponse`, efficiency
    /// applied like the signal's):
    ///
    /// - `Ar39` (single decays) and `Ar39-pileup` (n ≥ 2 decays in one cluster): N_n clusters of the
    ///   n-fold summed spectrum (`Argon39PileUp`), isotropic;
    /// - `solar-b8`, `solar-hep`: N_e t ∫ dT dR/dT f_c(T) P(T_reco ∈ j | T), f_c the yearly fraction of
    ///   recoils passing the cut (`SolarDirectionalAcceptance` inside the spectrum integral);
    /// - `nue-Ar40-CC`: N_Ar40 t dR/dE_vis (`SolarArgonAbsorptionRate`), isotropic (assumed);
    /// - `n-capture`: r × M × t captures at c_γ × 6.0989 MeV, isotropic.
    ///
    /// Components switched off or with a zero rate are left out. At a systematic `shift` every
    /// component is refolded through the shifted response and its efficiency scaled by (1 + e)
    /// (docs/physics.md §16.2); rates and direction fractions do not move.
    func extraBackgrounds(_ config: ArgonConfiguration, cosineCut c: Double, binning: Binning,
                          shift: SystematicShift = .nominal) throws -> [ArgonTemplate] {
        let b = config.backgrounds
        let edges = binning.edges
        let r = config.resolution
        let response = shift.applied(to: DetectorResponse(resolution: r, thresholdMeV: config.thresholdMeV, efficiency: 1))
        let eff = config.detector.efficiency * response.efficiency
        let massKg = config.massKilotonnes * 1e6
        let seconds = config.liveTimeYears * PhysicalConstants.secondsPerYear
        let pass = IsotropicDirection.fractionPassing(cosineCut: c)
        let responseKey = "\(r.stochastic)|\(r.constant)|\(r.noiseMeV)|\(config.thresholdMeV)|\(edges)" + (shift.isNominal ? "" : "|\(shift)")
        var out: [ArgonTemplate] = []
        func isotropic(_ name: String, _ uncut: [Double], sigma: Double, _ reference: String, assumed: Bool) {
            guard uncut.reduce(0, +) > 0 else { return }
            out.append(ArgonTemplate(name: name, uncut: uncut, cut: uncut.map { $0 * pass }, sigma: sigma, direction: "isotropic",
                                     reference: reference, assumed: assumed))
        }

        if b.argon39 {
            let pile = b.pileUp
            do { try pile.validate() } catch { throw StudyError("\(error)") }
            var singles = [Double](repeating: 0, count: binning.count), piled = singles
            for n in 1...24 {
                let clusters = pile.clusters(multiplicity: n, argonMassKilograms: massKg, liveTimeSeconds: seconds)
                if n > 1 && clusters < 1e-3 { break }
                let fractions = try argon39Fractions(multiplicity: n, response: response, edges: edges, key: responseKey)
                for j in fractions.indices {
                    if n == 1 { singles[j] += eff * clusters * fractions[j] } else { piled[j] += eff * clusters * fractions[j] }
                }
            }
            isotropic("Ar39", singles, sigma: b.argon39Sigma,
                      "\(NumberFormatting.significant(b.argon39Activity, digits: 3)) Bq/kg / D = \(b.argon39Depletion) "
                        + "(WARP, Benetti et al., NIM A 574, 83 (2007)); clusters of one decay", assumed: false)
            isotropic("Ar39-pileup", piled, sigma: b.pileUpSigma,
                      "n >= 2 Ar39 decays in one cluster: Poisson mu = A rho V tau = \(NumberFormatting.significant(pile.meanDecaysPerCell, digits: 3)) "
                        + "(window \(b.pileUpWindowMs) ms, cluster \(b.clusterVolumeLiters) L: assumed)", assumed: true)
        }

        if b.solar {
            for component in [SolarNeutrinoComponent.b8, .hep] {
                let table = try solarRecoilTable(component)
                let scale = eff * config.detector.targetElectrons * seconds
                let uncutKey = "solar|\(component.rawValue)|\(responseKey)"
                let uncut: [Double]
                if let u = extraCache[uncutKey] { uncut = u } else {
                    uncut = try response.binCounts(density: { table.spline($0) }, from: table.lower, to: table.upper, edges: edges)
                    extraCache[uncutKey] = uncut
                }
                var cut = uncut
                if c > -1 {
                    let passKey = "solarpass|\(component.rawValue)|\(config.directionResolutionDegrees)|\(c)|\(b.latitudeDegrees)|\(b.axisAzimuthDegrees)"
                    let f: [Double]
                    if let p = extraCache[passKey] { f = p } else {
                        f = try solarPassFractions(component, table: table, config: config, cosineCut: c)
                        extraCache[passKey] = f
                    }
                    let cutKey = passKey + "|" + responseKey
                    if let u = extraCache[cutKey] { cut = u } else {
                        let lo = table.lower, step = (table.upper - table.lower) / Double(f.count - 1)
                        cut = try response.binCounts(density: { t in
                            let x = Swift.max(0, Swift.min(Double(f.count - 1), (t - lo) / step))
                            let i = Swift.min(f.count - 2, Int(x))
                            return table.spline(t) * (f[i] + (x - Double(i)) * (f[i + 1] - f[i]))
                        }, from: table.lower, to: table.upper, edges: edges)
                        extraCache[cutKey] = cut
                    }
                }
                guard uncut.reduce(0, +) > 0 else { continue }
                let name = component == .b8 ? "solar-b8" : "solar-hep"
                let flux = component == .b8 ? "SNO NC flux 5.25e6 /cm2/s, PRC 88, 025501 (2013)" : "B16-GS98 hep flux, ApJ 835, 202 (2017)"
                out.append(ArgonTemplate(name: name, uncut: uncut.map { $0 * scale }, cut: cut.map { $0 * scale },
                                         sigma: component.relativeFluxUncertainty(), direction: "from the Sun",
                                         reference: "computed: \(flux); MSW-LMA; 18 e- per Ar atom; yearly solar direction at latitude "
                                            + "\(b.latitudeDegrees), axis azimuth \(b.axisAzimuthDegrees) deg (assumed)", assumed: false))
            }
        }

        if b.chargedCurrent {
            let cc = try chargedCurrentRate(b)
            let ccKey = "cc|\(b.crossSectionFile ?? "marley")|\(b.chargedCurrentOffsetMeV)|\(responseKey)"
            let shape: [Double]
            if let u = extraCache[ccKey] { shape = u } else {
                let range = cc.visibleRange
                shape = try response.binCounts(density: { cc.differentialRate(visibleEnergy: $0) }, from: range.lowerBound,
                                               to: range.upperBound, breakpoints: cc.breakpoints, edges: edges)
                extraCache[ccKey] = shape
            }
            let scale = eff * SolarArgonAbsorptionRate.argon40Nuclei(argonMassKilograms: massKg) * seconds
            isotropic("nue-Ar40-CC", shape.map { $0 * scale }, sigma: b.chargedCurrentSigma,
                      "computed: 8B (SNO flux) + hep x P_ee x sigma(nu_e 40Ar) of \(cc.crossSection.name); E_vis = E_nu - "
                        + "\(b.chargedCurrentOffsetMeV) MeV and isotropic electrons assumed; sigma \(b.chargedCurrentSigma) assumed", assumed: false)
        }

        if b.neutronCapturesPerKtDay > 0 {
            let captures = b.neutronCapturesPerKtDay * config.massKilotonnes * seconds / 86400
            let energy = b.neutronCaptureContainment * EnergyLine.argon40NeutronCaptureEnergy
            let counts = response.binCounts(energies: [energy], weights: [eff * captures], edges: edges)
            isotropic("n-capture", counts, sigma: b.neutronCaptureSigma,
                      "\(b.neutronCapturesPerKtDay) captures per kt per day on 40Ar (assumed), 6.0989 MeV cascade (AME2020 S_n) "
                        + "x containment \(b.neutronCaptureContainment)", assumed: true)
        }
        return out
    }

    /// The bin fractions of a cluster of n ³⁹Ar decays (cached per response and binning).
    private func argon39Fractions(multiplicity n: Int, response: DetectorResponse, edges: [Double], key: String) throws -> [Double] {
        let k = "ar39|\(n)|\(key)"
        if let f = extraCache[k] { return f }
        let spectrum: (energies: [Double], masses: [Double])
        if let s = pileUpSpectra[n] { spectrum = s } else {
            spectrum = try Argon39PileUp.summedSpectrum(multiplicity: n)
            pileUpSpectra[n] = spectrum
        }
        let f = response.binCounts(energies: spectrum.energies, weights: spectrum.masses, edges: edges)
        extraCache[k] = f
        return f
    }

    /// dR/dT per electron of a solar component on [0.02 MeV, T_max], Steffen spline through 241
    /// points T = a + (b − a)u²(3 − 2u) (dense at both ends), cached.
    func solarRecoilTable(_ component: SolarNeutrinoComponent) throws -> SolarTable {
        if let t = solarTables[component] { return t }
        let rate = try SolarRecoilRate(component: component)
        let lo = 0.02, hi = Kinematics.maxRecoil(neutrinoEnergy: rate.spectrum.maximumEnergy)
        let points = 241
        let ts = (0..<points).map { i -> Double in
            let u = Double(i) / Double(points - 1)
            return lo + (hi - lo) * u * u * (3 - 2 * u)
        }
        let values = try ts.map { t in t >= hi ? 0 : try rate.differentialRate(recoil: t) }
        let table = SolarTable(rate: rate, spline: try Spline(x: ts, y: values, kind: .steffen), lower: lo, upper: hi)
        solarTables[component] = table
        return table
    }

    /// The fraction f_c(T) of recoils passing the cut on 49 equally spaced T of the table's range.
    private func solarPassFractions(_ component: SolarNeutrinoComponent, table: SolarTable, config: ArgonConfiguration,
                                    cosineCut c: Double) throws -> [Double] {
        let b = config.backgrounds
        let directionKey = "\(b.latitudeDegrees)|\(b.axisAzimuthDegrees)"
        let direction: SolarDirection
        if let d = solarDirections[directionKey] { direction = d } else {
            direction = try SolarDirection(latitudeDegrees: b.latitudeDegrees, axisAzimuthDegrees: b.axisAzimuthDegrees)
            solarDirections[directionKey] = direction
        }
        let cut = try DirectionalCut(resolutionDegrees: config.directionResolutionDegrees, cosineCut: c)
        let acceptance = try SolarDirectionalAcceptance(direction: direction, cut: cut)
        let n = 49
        var f = [Double](repeating: 0, count: n)
        for i in 0..<n {
            // The last point sits just inside T_max, where the rate vanishes.
            let t = table.lower + (table.upper - table.lower) * Swift.min(Double(i) / Double(n - 1), 0.999)
            let all = try table.rate.differentialRate(recoil: t)
            let passing = try table.rate.differentialRate(recoil: t) { e, t in
                acceptance.acceptance(electronCosine: Kinematics.cosRecoilAngle(neutrinoEnergy: e, recoil: t))
            }
            f[i] = all > 0 ? Swift.min(1, Swift.max(0, passing / all)) : (i > 0 ? f[i - 1] : acceptance.acceptance(electronCosine: 1))
        }
        return f
    }

    /// The CC absorption rate with the configured table (cached per table and offset).
    private func chargedCurrentRate(_ b: ArgonBackgrounds) throws -> SolarArgonAbsorptionRate {
        let key = "\(b.crossSectionFile ?? "marley")|\(b.chargedCurrentOffsetMeV)"
        if let r = ccRates[key] { return r }
        let table: Argon40ChargedCurrentCrossSection
        if let path = b.crossSectionFile {
            do { table = try .load(path: path) } catch { throw StudyError("argon CC cross-section table \(path): \(error)") }
        } else {
            table = .marley
        }
        let rate = try SolarArgonAbsorptionRate(crossSection: table, visibleEnergyOffsetMeV: b.chargedCurrentOffsetMeV)
        ccRates[key] = rate
        return rate
    }
}

/// A solar component's dR/dT table (per electron, s⁻¹ MeV⁻¹) and its rate.
struct SolarTable {
    var rate: SolarRecoilRate
    var spline: Spline
    var lower: Double
    var upper: Double
}
