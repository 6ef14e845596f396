namespace SecretSync.Core.Records.Catalog;

/// <summary>A catalog entry as written in the built-in catalog or secretsync.json, before validation.</summary>
public sealed class CatalogEntryDefinition
{
    public string? Name { get; set; }

    public string? Service { get; set; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public bool? Required { get; set; }

    public string? GitHubName { get; set; }

    /// <summary>1-based line of the entry in its file, for error messages; 0 when unknown.</summary>
    public int Line { get; set; }

    /// <summary>1-based column of the entry in its file; 0 when unknown.</summary>
    public int Column { get; set; }
}
