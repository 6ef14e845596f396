using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretSync.Core.Checks.Drift;

/// <summary>The <c>patterns</c> of secretsync.json: wildcards over names, '*' and '?' only, case-insensitive.</summary>
internal sealed class NamePatternSet
{
    private readonly List<Regex> _patterns;

    public NamePatternSet(IEnumerable<string> patterns)
    {
        _patterns = patterns
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase))
            .ToList();
    }

    public bool IsMatch(string name) => _patterns.Any(p => p.IsMatch(name));
}
