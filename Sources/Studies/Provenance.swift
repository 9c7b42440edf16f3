import Foundation
import Output

/// Where a result came from: tool and version, git commit, run card (path, SHA-256, text),
/// master seed, UTC date. Written into every `result.json`.
public struct Provenance: Equatable, Sendable {
    public var tool: String
    public var version: String
    /// `git rev-parse HEAD` of the working directory, or "unknown".
    public var gitCommit: String
    public var cardPath: String?
    public var cardSHA256: String?
    /// The card's full text, so the result can be reproduced without the file.
    public var cardText: String?
    public var seed: UInt64?
    /// ISO 8601 UTC, e.g. `2026-11-25T08:00:00Z`.
    public var dateUTC: String

    public init(tool: String = ToolInfo.name, version: String = ToolInfo.version, gitCommit: String,
                cardPath: String? = nil, cardSHA256: String? = nil, cardText: String? = nil,
                seed: UInt64? = nil, dateUTC: String) {
        self.tool = tool
        self.version = version
        self.gitCommit = gitCommit
        self.cardPath = cardPath
        self.cardSHA256 = cardSHA256
        self.cardText = cardText
        self.seed = seed
        self.dateUTC = dateUTC
    }

    /// Provenance for a run of `card` now; the seed defaults to the card's toy seed.
    public static func current(card: LoadedCard?, seed: UInt64? = nil, date: Date = Date(),
                               gitCommit: String? = nil) -> Provenance {
        Provenance(gitCommit: gitCommit ?? Provenance.gitCommit(),
                   cardPath: card?.path, cardSHA256: card?.sha256, cardText: card?.text,
                   seed: seed ?? card?.card.toys?.seed, dateUTC: utcString(date))
    }

    /// `date` as `yyyy-MM-ddTHH:mm:ssZ`.
    public static func utcString(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The commit of the git work tree at `directory` (default: the current directory), or
    /// "unknown" when git or the repository is missing.
    public static func gitCommit(in directory: String? = nil) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        do { try process.run() } catch { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, text.count == 40 || text.count == 64,
              text.allSatisfy(\.isHexDigit) else { return "unknown" }
        return text
    }

    /// The JSON object written under `provenance` in `result.json`. The seed is a number when
    /// below 2⁵³ (exact in JSON), else a decimal string.
    public func json() -> JSONValue {
        .object([
            ("tool", .string(tool)),
            ("version", .string(version)),
            ("git_commit", .string(gitCommit)),
            ("card_path", cardPath.map(JSONValue.string) ?? .null),
            ("card_sha256", cardSHA256.map(JSONValue.string) ?? .null),
            ("card_text", cardText.map(JSONValue.string) ?? .null),
            ("seed", seed.map { $0 < 1 << 53 ? .number(Double($0)) : .string(String($0)) } ?? .null),
            ("date_utc", .string(dateUTC)),
        ])
    }
}
