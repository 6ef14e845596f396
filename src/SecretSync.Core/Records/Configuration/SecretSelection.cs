namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// Which catalogued names a target receives: names and wildcards (<c>*</c>, <c>?</c>, case-insensitive) and catalog
/// categories. Nothing given means every catalogued name.
/// </summary>
public sealed class SecretSelection
{
    /// <summary>Every catalogued name.</summary>
    public static readonly SecretSelection All = new([], []);

    private readonly NamePatternSet _patterns;

    public SecretSelection(IReadOnlyList<string> names, IReadOnlyList<string> categories)
    {
        Names = names;
        Categories = categories;
        _patterns = new NamePatternSet(names);
    }

    /// <summary>Names and wildcards as written.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Catalog categories as written (compared case-insensitively).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>True when neither names nor categories were given.</summary>
    public bool IsAll => Names.Count == 0 && Categories.Count == 0;

    /// <summary>True when <paramref name="entry"/> is selected.</summary>
    public bool Selects(CatalogEntry entry) =>
        IsAll
        || _patterns.IsMatch(entry.Name)
        || Categories.Any(c => string.Equals(c, entry.Category, System.StringComparison.OrdinalIgnoreCase));

    /// <summary>The selected entries of <paramref name="catalog"/>, in catalog order.</summary>
    public IReadOnlyList<CatalogEntry> Of(SecretCatalog catalog) => catalog.Entries.Where(Selects).ToList();
}
