import Foundation
import Physics

/// Expected events of a background folded through the response (docs/physics.md §8.2–8.5), before
/// the efficiency: per bin of `edges` (the last bin with the overflow), with E_reco ≥ threshold,
/// with E_reco ≥ the window's upper end, and with the true visible energy ≥ threshold.
struct BackgroundFold {
    var bins: [Double]
    var aboveThreshold = 0.0
    var aboveWindow = 0.0
    var trueAboveThreshold = 0.0

    init(bins: Int) { self.bins = [Double](repeating: 0, count: bins) }

    mutating func add(_ other: BackgroundFold) {
        for j in bins.indices { bins[j] += other.bins[j] }
        aboveThreshold += other.aboveThreshold
        aboveWindow += other.aboveWindow
        trueAboveThreshold += other.trueAboveThreshold
    }
}

extension DetectorResponse {
    /// Adds `events` at true visible energy `e` (MeV) through the response: P(bin | e)
    /// (`binProbabilities`: truncated Gaussian, overflow in the last bin), P(E_reco ≥ threshold | e)
    /// and P(E_reco ≥ `windowUpper` | e). `p`, `tails`: scratch of bins and edges values.
    func accumulate(_ events: Double, at e: Double, edges: [Double], windowUpper: Double,
                    into fold: inout BackgroundFold, p: inout [Double], tails: inout [Double]) {
        guard events != 0 else { return }
        binProbabilities(trueEnergyMeV: e, edges: edges, into: &p, tails: &tails)
        for j in p.indices where p[j] > 0 { fold.bins[j] += events * p[j] }
        fold.aboveThreshold += events * probabilityAboveThreshold(trueEnergyMeV: e)
        fold.aboveWindow += events * probability(recoFrom: windowUpper, to: .infinity, trueRecoilMeV: e)
    }

    /// Folds a smooth density of expected events f(E) (events per MeV of true visible energy)
    /// over [lower, upper] with the templates' quadrature (`forEachQuadratureNode`: 8-point
    /// Gauss–Legendre panels no wider than min(0.05 MeV, σ/2)), starting at the least energy that
    /// reaches the threshold (`lowestTrueRecoilMeV`), with breakpoints at every bin edge, the
    /// threshold, `windowUpper` and `breakpoints` (kinematic edges, table knots: where f has
    /// kinks or steps; the reconstructed-energy ones mapped to the true axis by f⁻¹ of the energy
    /// map). `trueAboveThreshold` is exact quadrature (the threshold is a breakpoint).
    func foldDensity(_ f: (Double) throws -> Double, from lower: Double, to upper: Double, breakpoints: [Double] = [],
                     edges: [Double], windowUpper: Double) throws -> BackgroundFold {
        var fold = BackgroundFold(bins: edges.count - 1)
        let a = Swift.max(lower, lowestTrueRecoilMeV)
        guard upper > a else { return fold }
        // Reconstructed-energy edges sit at f⁻¹(edge) on the true axis (the same values for the
        // identity map); the threshold also unmapped, for `trueAboveThreshold`.
        let mapped = ([thresholdMeV, windowUpper] + edges).map { trueEnergy(visibleEnergyMeV: $0) }
        let breaks = Array(Set(([a, upper, thresholdMeV] + mapped + breakpoints).filter { $0 >= a && $0 <= upper })).sorted()
        var p = [Double](repeating: 0, count: edges.count - 1), tails = edges
        var failure: Error?
        forEachQuadratureNode(breakpoints: breaks, rule: GaussLegendre(points: 8)) { x, w in
            guard failure == nil else { return }
            let value: Double
            do { value = try f(x) } catch { failure = error; return }
            let events = w * value
            accumulate(events, at: x, edges: edges, windowUpper: windowUpper, into: &fold, p: &p, tails: &tails)
            if x >= thresholdMeV { fold.trueAboveThreshold += events }
        }
        if let failure { throw failure }
        return fold
    }

    /// β panels per component for `BackgroundVisibleSpectrum` so that σ(E) ≥ 2 panel widths at
    /// every visible energy that can reach the threshold (E ≥ `lowestTrueRecoilMeV`; σ grows with
    /// E): the condition under which the composite Gauss–Legendre grid folds the Gaussian window
    /// to ≲ 10⁻¹⁰ (`VisibleEnergySpectrum.smearedFraction`). 256 … 131 072.
    func visibleSpectrumPanels(maximumKineticEnergy t0: Double) -> Int {
        let sigma = resolution.sigmaMeV(at: visibleEnergy(trueEnergyMeV: lowestTrueRecoilMeV))
        guard sigma > 0, t0 > 0 else { return 1024 }
        return Swift.min(1 << 17, Swift.max(256, Int((2 * t0 / sigma).rounded(.up))))
    }

    /// Folds `events` decays with the visible-energy distribution `spectrum` (β continua on
    /// the spectrum's node grid, lines at their energies; docs/physics.md §14.3) through the
    /// response. A perfect resolution takes the exact unsmeared fractions of the spectrum.
    func fold(_ spectrum: BackgroundVisibleSpectrum, events: Double, edges: [Double], windowUpper: Double) throws -> BackgroundFold {
        var fold = BackgroundFold(bins: edges.count - 1)
        fold.trueAboveThreshold = events * (try spectrum.fraction(from: thresholdMeV))
        if resolution.isPerfect {
            // E_reco = f(E): bin j holds f⁻¹(e_j) ≤ E < f⁻¹(e_{j+1}) (e itself for the identity map).
            let inverse = { (e: Double) in self.trueEnergy(visibleEnergyMeV: e) }
            for j in fold.bins.indices {
                fold.bins[j] = events * (try spectrum.fraction(from: inverse(edges[j]),
                                                               to: j == fold.bins.count - 1 ? .infinity : inverse(edges[j + 1])))
            }
            fold.aboveThreshold = energyMap.isIdentity ? fold.trueAboveThreshold : events * (try spectrum.fraction(from: inverse(thresholdMeV)))
            fold.aboveWindow = events * (try spectrum.fraction(from: inverse(windowUpper)))
            return fold
        }
        var p = [Double](repeating: 0, count: edges.count - 1), tails = edges
        if let continuum = spectrum.continuum {
            let scale = events * spectrum.continuumProbability
            let lowest = lowestTrueRecoilMeV
            for (e, m) in zip(continuum.nodeEnergies, continuum.nodeMasses) where m > 0 && e >= lowest {
                accumulate(scale * m, at: e, edges: edges, windowUpper: windowUpper, into: &fold, p: &p, tails: &tails)
            }
        }
        for line in spectrum.lines {
            accumulate(events * line.probability, at: line.visibleEnergy, edges: edges, windowUpper: windowUpper,
                       into: &fold, p: &p, tails: &tails)
        }
        return fold
    }
}
