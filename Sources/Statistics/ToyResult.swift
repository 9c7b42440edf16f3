/// The outcome of one pseudo-experiment.
public struct ToyResult: Sendable, Equatable {
    /// The toy index k: its random stream is RandomStream(seed: S, index: k).
    public var index: UInt64
    /// θ̂ ≥ 0 (NaN if the fit failed).
    public var thetaHat: Double
    /// The upper limit on θ (NaN if not computed or failed).
    public var upperLimit: Double
    /// t(θ_test) = λ_p(θ_test) − λ_p(θ̂) at the configuration's tested θ (NaN if none).
    public var statisticAtTest: Double
    /// The worst status of the toy's fits.
    public var status: FitStatus

    public init(index: UInt64, thetaHat: Double, upperLimit: Double, statisticAtTest: Double, status: FitStatus) {
        self.index = index
        self.thetaHat = thetaHat
        self.upperLimit = upperLimit
        self.statisticAtTest = statisticAtTest
        self.status = status
    }
}
