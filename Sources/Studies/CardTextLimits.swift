/// Bounds checked on a run card's text before the YAML parser sees it, so that a huge or
/// pathologically nested file gets a sentence rather than a crash (the YAML composer recurses
/// once per nesting level).
enum CardTextLimits {
    /// Largest card accepted, bytes (1 MiB; the largest card in macros/ is a few kB).
    static let maximumBytes = 1 << 20
    /// Deepest flow nesting accepted: brackets `[`/`{` open at once (cards use at most 2).
    static let maximumDepth = 64
    /// Widest block indentation accepted, columns of spaces and `- ` markers before a line's
    /// content (each block level takes at least one; the cards in macros/ use at most 4).
    static let maximumIndentColumns = 128

    /// The first violation as (1-based line, message), or nil.
    static func violation(in text: String) -> (line: Int, message: String)? {
        if text.utf8.count > maximumBytes {
            return (0, "the run card is \(text.utf8.count) bytes; at most \(maximumBytes) bytes are read")
        }
        var flowDepth = 0
        var lineNumber = 1
        var atLineStart = true
        var blockDepth = 0
        var quote: Character? = nil
        var inComment = false
        var previous: Character = "\n"
        for c in text {
            if c == "\n" || c == "\r\n" {
                lineNumber += 1
                atLineStart = true
                blockDepth = 0
                inComment = false
                if flowDepth == 0 { quote = nil }
                previous = "\n"
                continue
            }
            defer { previous = c }
            if inComment { continue }
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            if atLineStart {
                if c == " " || c == "\t" { blockDepth += 1; continue }
                if c == "-" { blockDepth += 1; continue }
                atLineStart = false
                if blockDepth > maximumIndentColumns {
                    return (lineNumber, "the run card is indented deeper than \(maximumIndentColumns) columns (nesting too deep)")
                }
            }
            switch c {
            case "#" where previous == " " || previous == "\t" || previous == "\n": inComment = true
            case "\"", "'": quote = c
            case "[", "{":
                flowDepth += 1
                if flowDepth > maximumDepth {
                    return (lineNumber, "the run card nests deeper than \(maximumDepth) levels of [ ] or { }")
                }
            case "]", "}": flowDepth = max(0, flowDepth - 1)
            default: break
            }
        }
        return nil
    }
}
