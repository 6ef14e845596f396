using SecretSync.Core.Records.Catalog;

namespace SecretSync;

/// <summary>Completes secret names from the catalog of the current location.</summary>
public sealed class CatalogNameCompleter : CatalogCompleter
{
    internal override IEnumerable<(string Value, string Text, string ToolTip)> Candidates(SecretCatalog catalog) =>
        catalog.Entries.Select(e => (e.Name, e.Name, e.Description ?? e.Name));
}
