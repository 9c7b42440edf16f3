extension SystematicLikelihood {
    /// The name of parameter a of x: "theta", "normalization", "background:<name>", or the
    /// shape systematic's name.
    public func parameterName(_ a: Int) -> String {
        if a == 0 { return "theta" }
        if a == 1 { return "normalization" }
        if a < firstShapeIndex { return "background:\(model.base.backgrounds[a - 2].name)" }
        return model.systematics[a - firstShapeIndex].name
    }

    /// Pulls, post-fit constraints and impacts on θ̂ of every free nuisance (`NuisanceReport`) on
    /// the current data, with θ's own post-fit σ (√(2 (H⁻¹)_θθ), all nuisances profiled); nil when
    /// the unbounded fit fails or its Hessian is not positive definite.
    public func nuisanceReports() -> (thetaSigma: Double, nuisances: [NuisanceReport])? {
        let D = dimension
        let fit = minimize(thetaLowerBound: -.infinity, start: bestFit().parameters)
        guard fit.status != .failed, let e = evaluate(fit.parameters) else { return nil }
        let free = (0..<D).filter { $0 == 0 || !constraint($0).isFixed }
        let k = free.count
        var h = [Double](repeating: 0, count: k * k)
        for (r, a) in free.enumerated() { for (c, b) in free.enumerated() { h[r * k + c] = e.hessian[a * D + b] } }
        guard let inverse = CholeskySolve.inverse(h, dimension: k) else { return nil }
        var reports: [NuisanceReport] = []
        for (r, a) in free.enumerated() where a != 0 {
            let c = constraint(a)
            let prior = c.inverseVariance > 0 ? (1 / c.inverseVariance).squareRoot() : .infinity
            let posterior = (2 * inverse[r * k + r]).squareRoot()
            func shifted(_ sign: Double) -> Double {
                var start = fit.parameters
                start[a] = fit.parameters[a] + sign * posterior
                if a < firstShapeIndex { start[a] = max(0, start[a]) }
                let refit = minimize(thetaLowerBound: -.infinity, fixed: [a], start: start)
                return refit.status == .failed ? .nan : refit.theta - fit.theta
            }
            let up = shifted(1), down = shifted(-1)
            reports.append(NuisanceReport(name: parameterName(a), pull: prior.isFinite ? (fit.parameters[a] - c.observable) / prior : .nan,
                                          constraint: prior.isFinite ? posterior / prior : .nan, impactUp: up, impactDown: down))
        }
        return ((2 * inverse[0]).squareRoot(), reports)
    }
}
