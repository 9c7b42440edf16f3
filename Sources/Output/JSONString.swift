import Foundation

/// JSON string literals (RFC 8259 §7): `"`, `\` and the control characters U+0000–U+001F
/// escaped (`\n`, `\r`, `\t`, else `\u00xx`), everything else written as is. One copy for
/// the toy files and the study outputs, so both write the same bytes for the same text.
public enum JSONString {
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
