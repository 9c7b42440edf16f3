import Yams

extension RunCard {
    /// The card as YAML with every default spelled out; `parse(yaml:)` reads it back to an
    /// equal card.
    public func yaml() throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = false
        return "# nue run card (\(RunCard.formatVersion)), defaults filled in\n" + (try encoder.encode(self))
    }
}
