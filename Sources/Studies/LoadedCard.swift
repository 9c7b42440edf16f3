import Foundation

/// A run card as read from disk: the parsed card plus what provenance needs (path, text, hash).
public struct LoadedCard: Sendable {
    /// The parsed, validated card with defaults filled in.
    public let card: RunCard
    /// The path the card was read from, as given.
    public let path: String
    /// The card's full text.
    public let text: String

    public init(card: RunCard, path: String, text: String) {
        self.card = card
        self.path = path
        self.text = text
    }

    /// The card's file name without extension: `macros/smoke.yaml` → `smoke`.
    public var name: String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// SHA-256 of the card's UTF-8 bytes, lowercase hex.
    public var sha256: String { SHA256.hex(Array(text.utf8)) }

    /// The output directory: `outputs.directory` if the card sets it, else `<root>/<name>`.
    public func outputDirectory(root: String = "outputs") -> String {
        card.outputs.directory ?? (root as NSString).appendingPathComponent(name)
    }
}
