import Foundation

extension NeutrinoSpectrum {
    /// Reads a two-column text file: energy in MeV and a weight ∝ dN/dE, one point a line.
    /// Blank lines and lines starting with `#` are skipped; commas, tabs or spaces separate.
    public static func load(path: String, name: String? = nil) throws -> NeutrinoSpectrum {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw PhysicsInputError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        return try parse(text, name: name ?? (path as NSString).lastPathComponent)
    }

    /// Parses the two-column format of `load(path:)`.
    public static func parse(_ text: String, name: String) throws -> NeutrinoSpectrum {
        let (energies, weights) = try columns(text)
        return try NeutrinoSpectrum(name: name, energies: energies, weights: weights)
    }

    /// The two columns of the format of `load(path:)` as read, unchecked beyond being numbers
    /// (the initializer checks them): blank and `#` lines skipped; commas, tabs or spaces separate.
    /// - Throws: `PhysicsInputError.unreadableLine` with the 1-based line of a line that is not two numbers.
    public static func columns(_ text: String) throws -> (first: [Double], second: [Double]) {
        var energies: [Double] = [], weights: [Double] = []
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            guard fields.count == 2, let e = Double(fields[0]), let w = Double(fields[1]) else {
                throw PhysicsInputError.unreadableLine(line: n + 1, text: String(line))
            }
            energies.append(e)
            weights.append(w)
        }
        return (energies, weights)
    }
}
