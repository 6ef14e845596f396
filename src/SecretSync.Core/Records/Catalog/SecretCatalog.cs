namespace SecretSync.Core.Records.Catalog;

/// <summary>
/// The secrets the organisation manages: the built-in list plus the entries of secretsync.json, validated against
/// the naming convention and GitHub's rules (including case-insensitive uniqueness of GitHub names).
/// </summary>
public sealed class SecretCatalog
{
    private readonly List<CatalogEntry> _entries;
    private readonly Dictionary<string, CatalogEntry> _byName;
    private readonly Dictionary<string, CatalogEntry> _byGitHubName;

    private SecretCatalog(List<CatalogEntry> entries)
    {
        _entries = entries;
        _byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _byGitHubName = entries.ToDictionary(e => e.GitHubName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every entry: built-in ones in their file order, then the project's new ones in theirs.</summary>
    public IReadOnlyList<CatalogEntry> Entries => _entries;

    /// <summary>Merges definitions in order: a later definition of the same name overrides the fields it sets.</summary>
    public static SecretCatalog Build(IEnumerable<(string Origin, string FilePath, IReadOnlyList<CatalogEntryDefinition> Definitions)> sources)
    {
        var entries = new List<CatalogEntry>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (origin, filePath, definitions) in sources)
        {
            foreach (var definition in definitions)
            {
                var name = definition.Name ?? throw Error(filePath, definition, "a secrets entry needs \"name\"");
                if (positions.TryGetValue(name, out var index))
                {
                    entries[index] = Merge(entries[index], definition, origin, filePath);
                }
                else
                {
                    positions[name] = entries.Count;
                    entries.Add(Create(definition, origin, filePath));
                }
            }
        }

        CheckGitHubNamesAreUnique(entries, sources.ToDictionary(s => s.Origin, s => s.FilePath));
        return new SecretCatalog(entries);
    }

    /// <summary>The entry named exactly <paramref name="name"/>, if any.</summary>
    public CatalogEntry? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>The entry whose GitHub name is <paramref name="gitHubName"/> (GitHub compares names case-insensitively).</summary>
    public CatalogEntry? FindByGitHubName(string gitHubName) => _byGitHubName.TryGetValue(gitHubName, out var entry) ? entry : null;

    /// <summary>The ESC path of any name: the catalog's, else the naming convention's; null when the name breaks the convention.</summary>
    public string? EscPathOf(string name) => Find(name)?.EscPath ?? SecretNameRules.Check(name).EscPath;

    private static CatalogEntry Create(CatalogEntryDefinition d, string origin, string filePath)
    {
        var check = SecretNameRules.Check(d.Name!, d.Service);
        if (!check.IsValid)
        {
            throw Error(filePath, d, check.Reason!);
        }

        var gitHubName = d.GitHubName ?? d.Name!;
        var gitHubProblem = GitHubNameRules.Violation(gitHubName);
        if (gitHubProblem is not null)
        {
            throw Error(filePath, d, $"{d.Name}: {gitHubProblem}");
        }

        return new CatalogEntry(d.Name!, check.Service!, check.EscPath!, d.Category ?? "Other", d.Description, d.Required ?? false, gitHubName, origin);
    }

    private static CatalogEntry Merge(CatalogEntry existing, CatalogEntryDefinition d, string origin, string filePath) =>
        Create(
            new CatalogEntryDefinition
            {
                Name = existing.Name,
                Service = d.Service ?? existing.Service,
                Category = d.Category ?? existing.Category,
                Description = d.Description ?? existing.Description,
                Required = d.Required ?? existing.Required,
                GitHubName = d.GitHubName ?? (existing.GitHubName == existing.Name ? null : existing.GitHubName),
                Line = d.Line,
                Column = d.Column,
            },
            origin,
            filePath);

    private static void CheckGitHubNamesAreUnique(List<CatalogEntry> entries, Dictionary<string, string> filePathByOrigin)
    {
        var seen = new Dictionary<string, CatalogEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (seen.TryGetValue(entry.GitHubName, out var other))
            {
                var filePath = filePathByOrigin.TryGetValue(entry.Origin, out var path) ? path : entry.Origin;
                throw new ConfigParseException(filePath, 0, 0, $"{entry.Name} and {other.Name} would share the GitHub secret name {entry.GitHubName} (GitHub compares names case-insensitively); give one a different githubName");
            }

            seen.Add(entry.GitHubName, entry);
        }
    }

    private static ConfigParseException Error(string filePath, CatalogEntryDefinition d, string problem) =>
        new(filePath, d.Line, d.Column, problem);
}
