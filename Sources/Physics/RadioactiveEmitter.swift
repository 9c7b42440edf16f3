import Foundation

/// A radioactive background nuclide whose decay channels are β⁻/β⁺ branches (`BetaBranch`) and
/// monoenergetic lines (`EnergyLine`: α decay, electron capture to an excited level), each with
/// an intensity (docs/physics.md §14.3). A pure β emitter is a `BetaEmitter`; `init(_:)` wraps
/// one so that every background can be handled alike. Intensities are normalized to sum 1 (the
/// raw values, e.g. ENSDF per cent per decay, are kept in `intensities`).
public struct RadioactiveEmitter: Sendable {
    /// One decay channel.
    public enum Channel: Sendable {
        /// A β⁻ or β⁺ branch (electron or positron continuum + prompt γ).
        case beta(BetaBranch)
        /// A monoenergetic deposit.
        case line(EnergyLine)

        /// The channel's label.
        public var name: String {
            switch self {
            case .beta(let b): b.name
            case .line(let l): l.name
            }
        }
    }

    /// Nuclide label ("K40").
    public let name: String
    /// Half-life T½, s.
    public let halfLife: Double
    public let channels: [Channel]
    /// The intensities as given (any positive scale).
    public let intensities: [Double]
    /// Channel fractions, normalized: Σ = 1.
    public let fractions: [Double]

    /// - Throws: `PhysicsInputError.invalidParameter` if the lists differ in length or are empty,
    ///   an intensity is negative or not finite, all are zero, or the half-life is not positive.
    public init(name: String, halfLife: Double, channels: [Channel], intensities: [Double]) throws {
        let fractions = try PhysicsInputError.checkedFractions(of: intensities, count: channels.count, kind: "channel",
                                                               name: name, halfLife: halfLife)
        self.name = name
        self.halfLife = halfLife
        self.channels = channels
        self.intensities = intensities
        self.fractions = fractions
    }

    /// A pure β emitter as a radioactive emitter (same branches, intensities and half-life).
    public init(_ emitter: BetaEmitter) {
        self.name = emitter.name
        self.halfLife = emitter.halfLife
        self.channels = emitter.branches.map { .beta($0) }
        self.intensities = emitter.intensities
        self.fractions = emitter.branchingFractions
    }

    /// Mean life τ = T½ / ln 2, s.
    public var meanLife: Double { halfLife / log(2) }

    /// The β channels weighted by `decays` × fraction.
    public func betaComponents(decays: Double = 1) -> [BetaComponent] {
        zip(channels, fractions).compactMap { channel, f in
            if case .beta(let b) = channel { return BetaComponent(weight: decays * f, branch: b, emitter: name) }
            return nil
        }
    }

    /// The line channels weighted by `decays` × fraction.
    public func lineComponents(decays: Double = 1) -> [LineComponent] {
        zip(channels, fractions).compactMap { channel, f in
            if case .line(let l) = channel { return LineComponent(weight: decays * f, line: l, emitter: name) }
            return nil
        }
    }

    /// The visible-energy distribution of one decay (`BackgroundVisibleSpectrum`) for a γ
    /// containment `gammaContainment` ∈ [0, 1].
    public func visibleSpectrum(gammaContainment: Double = 1, panelsPerComponent: Int = 1024) throws -> BackgroundVisibleSpectrum {
        try BackgroundVisibleSpectrum(betaComponents: betaComponents(), lineComponents: lineComponents(),
                                      gammaContainment: gammaContainment, panelsPerComponent: panelsPerComponent)
    }

    /// Mean visible energy per decay, Σ_β f (⟨T⟩ + c E_γ) + Σ_lines f (E_local + c E_γ), MeV.
    public func meanVisibleEnergy(gammaContainment c: Double = 1) throws -> Double {
        var sum = 0.0
        for (channel, f) in zip(channels, fractions) {
            switch channel {
            case .beta(let b): sum += try f * (b.meanKineticEnergy() + c * b.gammaEnergy)
            case .line(let l): sum += f * l.visibleEnergy(gammaContainment: c)
            }
        }
        return sum
    }
}
