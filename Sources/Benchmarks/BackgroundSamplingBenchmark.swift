import Foundation
import GSL
import Physics
import Simulation

/// Throughput of exact detected-background sampling (`DetectedEnergySampler`): ²¹⁰Bi in the JUNO
/// preset above 0.2 MeV (a β continuum whose density costs microseconds per evaluation, the case
/// the squeeze exists for), deposited energy and reconstructed energy per event, one thread, through
/// the batch path the toy generator uses (`sample(count:…)` in calls of 1024 events).
public enum BackgroundSamplingBenchmark {
    public static func eventsPerSecond(events: Int, seed: UInt64 = 1) throws -> Double {
        let spectrum = try RadioactiveEmitter(BetaEmitter.bismuth210()).visibleSpectrum()
        let detector = try Detector.preset(named: "juno")
        let response = DetectorResponse(detector: detector, thresholdMeV: 0.2)
        let sampler = try DetectedEnergySampler(range: 0...spectrum.maximumVisibleEnergy,
                                                density: { spectrum.density(visibleEnergy: $0) }, continuumIntegral: 1,
                                                response: response)
        let stream = RandomStream(seed: seed)
        let chunk = 1024
        var energies = [Double](repeating: 0, count: chunk), reco = energies
        var sum = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        var done = 0
        while done < events {
            let n = min(chunk, events - done)
            sampler.sample(count: n, stream: stream, energies: &energies, recoEnergies: &reco)
            for i in 0..<n { sum += reco[i] }
            done += n
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(sum > 0)
        return Double(events) / seconds
    }
}
