using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretSync.Core.Catalog;
using SecretSync.Core.Naming;
using SecretSync.Core.Secrets;

namespace SecretSync.Core.Collectors;

/// <summary>
/// Collects secrets from the process environment: catalogued names, names matching the configured patterns
/// (e.g. *_API_KEY), or with <c>all</c> every name that follows the convention. Empty variables are skipped:
/// syncing them would blank the secret in ESC.
/// </summary>
public sealed class EnvironmentCollector
{
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
    public List<SecretRecord> Collect(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> patterns, bool all)
    {
        var compiled = patterns.Select(ToRegex).ToList();
        var records = new List<SecretRecord>();
        foreach (var pair in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var selected = _catalog.Find(pair.Key) is not null
                || compiled.Any(r => r.IsMatch(pair.Key))
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

            records.Add(_factory.WithValue(pair.Key, SecretSource.Environment, "env:" + pair.Key, pair.Value));
        }

        return records;
    }

    // Patterns are PowerShell-style wildcards over variable names; '*' and '?' are the only special characters.
    private static Regex ToRegex(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
}
