import Output
/// A streaming event-file writer: `write` per event, `finish` renames the completed file into
/// place (`AtomicFile`); `abandon` leaves nothing behind.
public protocol EventWriter: AnyObject {
    func write(_ event: Event) throws
    func finish() throws
    func abandon()
}

/// A writer that also takes detected background events (`nue generate --backgrounds`): CSV with a
/// `component` column, NuHepMC with a process ID per component (`NuHepMCBackgroundProcess`).
public protocol BackgroundEventWriter: EventWriter {
    /// One detected background event: deposited (true visible) and reconstructed energy, MeV.
    func writeBackground(energyMeV: Double, recoEnergyMeV: Double, component: String) throws
}
