extension DetectorResponse {
    /// The true-energy quadrature of every fold of a smooth density through the response — the
    /// signal templates (docs/physics.md §5.7) and the recoil, IBD and tabulated backgrounds
    /// (§8.2, §8.4, §8.5): between
    /// consecutive `breakpoints` (sorted, distinct; bin edges, the threshold, kinematic edges),
    /// panels of the Gauss–Legendre `rule` no wider than min(0.05 MeV, max(σ(x)/2, 1 keV)) at
    /// their lower end x (0.05 MeV for a perfect resolution), so that the Gaussian window of
    /// the response is resolved. `body(x, w)` receives each node and its weight (MeV).
    func forEachQuadratureNode(breakpoints breaks: [Double], rule: GaussLegendre, _ body: (Double, Double) -> Void) {
        guard breaks.count >= 2 else { return }
        for s in 0..<(breaks.count - 1) {
            let a = breaks[s], b = breaks[s + 1]
            var x = a
            while x < b {
                let sigma = resolution.sigmaMeV(at: visibleEnergy(trueEnergyMeV: x))
                let width = sigma > 0 ? min(0.05, max(sigma / 2, 1e-3)) : 0.05
                let panels = max(1, Int(((b - x) / width).rounded(.up)))
                let step = (b - x) / Double(panels)
                let next = panels == 1 ? b : x + step
                rule.forEachNode(from: x, to: next, body)
                x = next
            }
        }
    }
}
