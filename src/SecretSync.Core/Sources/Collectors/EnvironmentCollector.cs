namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// Collects secrets from the process environment: catalogued names, names matching the configured patterns
/// (e.g. *_API_KEY), or with <c>all</c> every name that follows the convention. Empty variables are skipped:
/// syncing them would blank the secret in ESC. A catalogued secret may also arrive under its GitHub alias
/// (GH_PAT for GITHUB_PAT), which is how the generated workflow passes the names GitHub reserves.
/// </summary>
internal sealed class EnvironmentCollector
{
    private const string RunTokenName = "GITHUB_TOKEN";
    private readonly SecretCatalog _catalog;
    private readonly SecretRecordFactory _factory;
    private readonly ISyncReporter _reporter;

    public EnvironmentCollector(SecretCatalog catalog, SecretRecordFactory factory, ISyncReporter reporter)
    {
        _catalog = catalog;
        _factory = factory;
        _reporter = reporter;
    }

    /// <summary>Records for the selected variables of <paramref name="environment"/>, ordered by name.</summary>
    /// <param name="environment">The variables.</param>
    /// <param name="patterns">Wildcard patterns of names to take besides catalogued ones.</param>
    /// <param name="all">Take every name that follows the convention.</param>
    /// <param name="inWorkflowRun">
    /// True inside GitHub Actions, where GITHUB_TOKEN is the run's own short-lived token (whatever a step maps to it):
    /// it is never collected there; the organisation's secret arrives under its alias instead.
    /// </param>
    public List<SecretRecord> Collect(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> patterns, bool all, bool inWorkflowRun = false)
    {
        if (inWorkflowRun && environment.ContainsKey(RunTokenName))
        {
            _reporter.Verbose($"env:{RunTokenName} is not collected in a workflow run: it may be the run's own token. Pass the organisation secret as {_catalog.Find(RunTokenName)?.GitHubName ?? "its alias"}.");
            environment = environment.Where(p => p.Key != RunTokenName).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        var compiled = new NamePatternSet(patterns);
        var records = new List<SecretRecord>();
        foreach (var pair in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = CatalogNameOfAlias(pair.Key, environment) ?? pair.Key;
            var selected = _catalog.Find(name) is not null
                || compiled.IsMatch(pair.Key)
                || (all && SecretNameRules.Check(pair.Key).IsValid);
            if (!selected)
            {
                continue;
            }

            if (pair.Value.Length == 0)
            {
                _reporter.Verbose($"env:{pair.Key} is set but empty; skipped.");
                continue;
            }

            records.Add(_factory.WithValue(name, SecretSource.Environment, "env:" + pair.Key, pair.Value));
        }

        return records;
    }

    /// <summary>The catalog name whose GitHub alias <paramref name="variable"/> is, unless the catalog name itself is set too.</summary>
    private string? CatalogNameOfAlias(string variable, IReadOnlyDictionary<string, string> environment) =>
        _catalog.FindByGitHubName(variable) is { } entry && entry.Name != variable && !environment.ContainsKey(entry.Name) ? entry.Name : null;
}
