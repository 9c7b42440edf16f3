import GSL

/// A full-chain toy hook (generator → detector → histogram), supplied by the caller: given the
/// toy's own stream and its index, return the toy's counts per bin (the model's binning).
/// The runner then draws the global observables from the same stream, after the data.
public typealias ToyDataGenerator = @Sendable (RandomStream, UInt64) throws -> [Double]
