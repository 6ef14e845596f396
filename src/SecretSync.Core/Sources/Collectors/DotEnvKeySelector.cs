namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// Which keys of a .env file are secrets of this system: catalogued names (or their GitHub aliases), names that
/// follow SERVICE_CREDENTIAL_TYPE, names matching the patterns of secretsync.json, and names asked for with -Name.
/// The rest (PORT, NODE_ENV, DEBUG) is the application's configuration: an ordinary .env has it, and reporting it as
/// a badly named secret would be noise.
/// </summary>
internal sealed class DotEnvKeySelector
{
    private readonly SecretCatalog _catalog;
    private readonly NamePatternSet _patterns;
    private readonly Func<string, bool>? _requested;

    /// <param name="catalog">The merged catalog.</param>
    /// <param name="patterns">The patterns of secretsync.json (wildcards over names).</param>
    /// <param name="requested">The -Name filter, when one was given: a key it matches is read whatever its name.</param>
    public DotEnvKeySelector(SecretCatalog catalog, IReadOnlyList<string> patterns, Func<string, bool>? requested)
    {
        _catalog = catalog;
        _patterns = new NamePatternSet(patterns);
        _requested = requested;
    }

    /// <summary>True when <paramref name="key"/> is to be read as a secret.</summary>
    public bool IsSecret(string key) =>
        _catalog.Find(key) is not null
        || _catalog.FindByGitHubName(key) is not null
        || _patterns.IsMatch(key)
        || SecretNameRules.Follows(key)
        || (_requested?.Invoke(key) ?? false);
}
