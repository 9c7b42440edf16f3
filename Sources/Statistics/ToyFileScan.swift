#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a toy file back for `--resume`, line by line (memory independent of its length):
/// checks the header against the run's, checks that each complete line is the toy due at its
/// position, hands those toys to `onToy`, and finds where to continue (a cut last line is
/// dropped). Throws, naming file and line, on anything else.
struct ToyFileScan {
    /// Bytes of the header and the complete toy lines kept.
    var keptBytes: UInt64 = 0
    /// Complete toys kept.
    var toys = 0
    /// False when the file is empty or its header line is cut (nothing to keep).
    var headerComplete = false

    init(path: String, header: ToyFileHeader, positions: ToyShardPositions, onToy: (ToyResult) -> Void) throws {
        guard let file = fopen(path, "r") else {
            throw StatisticsError("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var lineNumber = 0
        let expectedHeader = ToyFile.headerLine(header)
        while true {
            let length = getline(&buffer, &capacity, file)
            if length < 0 { break }
            lineNumber += 1
            let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
            let complete = length > 0 && bytes[length - 1] == UInt8(ascii: "\n")
            if !complete { break }  // a cut last line: dropped
            let line = String(decoding: bytes.dropLast(), as: UTF8.self)[...]
            if lineNumber == 1 {
                let found = try ToyFile.parseHeader(line, name: "\(path):1")
                if let difference = found.firstDifference(from: header) {
                    throw StatisticsError("\(path):1: cannot resume, a different run: \(difference) (use --force to overwrite)")
                }
                guard line == expectedHeader else {
                    throw StatisticsError("\(path):1: cannot resume: the header is not the one this run writes (use --force to overwrite)")
                }
                headerComplete = true
            } else {
                guard let toy = ToyFile.parseToy(line) else {
                    throw StatisticsError("\(path):\(lineNumber): cannot resume: corrupt toy line '\(line.prefix(80))' (use --force to overwrite)")
                }
                guard toys < positions.count, toy.index == positions.index(at: toys) else {
                    let due = toys < positions.count ? "toy \(positions.index(at: toys))" : "no further toy"
                    throw StatisticsError("\(path):\(lineNumber): cannot resume: toy \(toy.index) where \(due) belongs (use --force to overwrite)")
                }
                onToy(toy)
                toys += 1
            }
            keptBytes += UInt64(length)
        }
    }
}
