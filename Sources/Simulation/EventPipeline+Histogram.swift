extension EventPipeline {
    /// Runs `events` generated events and fills the reconstructed-T spectrum of detected events
    /// (weights included; the last bin collects the overflow, as in `TemplateSet`).
    public func recoilHistogram(seed: UInt64, events: Int, binning: Binning) -> (histogram: Histogram, summary: Summary) {
        var histogram = Histogram(binning: binning, collectsOverflow: true)
        let summary = run(seed: seed, events: events) { block in
            for e in block where e.detected { histogram.fill(e.recoRecoilMeV, weight: e.weight) }
            return true
        }
        return (histogram, summary)
    }
}
