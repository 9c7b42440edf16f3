/// Failures while writing outputs, each naming the file concerned.
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    case encodingFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotCreateDirectory(path: String, reason: String)
    case invalidDataName(String)

    public var description: String {
        switch self {
        case let .encodingFailed(path, reason): "\(path): not written, encoding failed: \(reason)"
        case let .writeFailed(path, reason): "\(path): cannot write: \(reason)"
        case let .cannotCreateDirectory(path, reason): "\(path): cannot create the output directory: \(reason)"
        case .invalidDataName(let name):
            "'\(name)' is not a valid data file name (use letters, digits, '_' and '-'; 'table' is reserved)"
        }
    }
}
