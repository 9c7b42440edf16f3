import Output
/// The content of `result.json` (format `nue-result/1`):
///
///     { "format": "nue-result/1",
///       "provenance": { tool, version, git_commit, card_path, card_sha256, card_text, seed, date_utc },
///       "card": { …the parsed card with defaults… },
///       "tables": { name: { title, columns, rows }, … },
///       "results": { …free-form, from the runner… } }
public struct ResultDocument: Sendable {
    public static let formatVersion = "nue-result/1"

    public var provenance: Provenance
    /// The card as run (defaults filled in); nil for results not made from a card.
    public var card: RunCard?
    /// Named tables, in order.
    public var tables: [(name: String, table: ResultTable)]
    /// Anything else the runner wants to keep (fits, statuses, timings).
    public var results: JSONValue?

    public init(provenance: Provenance, card: RunCard? = nil, tables: [(name: String, table: ResultTable)] = [],
                results: JSONValue? = nil) {
        self.provenance = provenance
        self.card = card
        self.tables = tables
        self.results = results
    }

    /// The document as JSON.
    /// - Throws: when the card cannot be encoded.
    public func json() throws -> JSONValue {
        var pairs: [(String, JSONValue)] = [("format", .string(Self.formatVersion)), ("provenance", provenance.json())]
        if let card { pairs.append(("card", try JSONValue(encoding: card))) }
        pairs.append(("tables", .object(tables.map { ($0.name, $0.table.json()) })))
        if let results { pairs.append(("results", results)) }
        return .object(pairs)
    }
}
