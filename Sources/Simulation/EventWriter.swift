import Output
/// A streaming event-file writer: `write` per event, `finish` renames the completed file into
/// place (`AtomicFile`); `abandon` leaves nothing behind.
public protocol EventWriter: AnyObject {
    func write(_ event: Event) throws
    func finish() throws
    func abandon()
}
