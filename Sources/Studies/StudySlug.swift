/// File-name tags for plot data files: `KamLAND >3 MeV` → `kamland-3mev`, `JUNO >0.2 MeV` →
/// `juno-0p2mev` (lowercase letters, digits, `p` for a decimal point, `-` between words).
enum StudySlug {
    static func make(_ parts: String...) -> String {
        parts.map(slug).filter { !$0.isEmpty }.joined(separator: "_")
    }

    static func slug(_ text: String) -> String {
        var out = ""
        var previous: Character = "-"
        let characters = Array(text.lowercased())
        for (i, c) in characters.enumerated() {
            if c.isLetter && c.isASCII || c.isNumber && c.isASCII {
                // "3 mev" → "3mev": drop a separator between a digit and a unit.
                if previous == "-" && !out.isEmpty && c.isLetter, let last = out.dropLast().last, last.isNumber {
                    out.removeLast()
                }
                out.append(c)
                previous = c
            } else if c == ".", i > 0, characters[i - 1].isNumber, i + 1 < characters.count, characters[i + 1].isNumber {
                out.append("p")
                previous = "p"
            } else if previous != "-" {
                out.append("-")
                previous = "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
