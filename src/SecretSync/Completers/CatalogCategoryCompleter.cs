using SecretSync.Core.Records.Catalog;

namespace SecretSync;

/// <summary>Completes catalog categories, quoted because most contain a space.</summary>
public sealed class CatalogCategoryCompleter : CatalogCompleter
{
    internal override IEnumerable<(string Value, string Text, string ToolTip)> Candidates(SecretCatalog catalog) =>
        catalog.Entries.Select(e => e.Category).Distinct().Select(c => (c, "'" + c + "'", c));
}
