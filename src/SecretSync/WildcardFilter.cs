namespace SecretSync;

/// <summary>Matches names against -Name style patterns (wildcards honoured, case-insensitive as PowerShell is).</summary>
internal sealed class WildcardFilter
{
    private readonly string[]? _patterns;
    private readonly WildcardPattern[]? _compiled;

    private WildcardFilter(string[]? patterns)
    {
        _patterns = patterns;
        _compiled = patterns?.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
    }

    /// <summary>A filter for <paramref name="patterns"/>; null or empty matches everything.</summary>
    public static WildcardFilter Create(string[]? patterns) => new(patterns is { Length: > 0 } ? patterns : null);

    public bool MatchesEverything => _compiled is null;

    public bool IsMatch(string value) => _compiled is null || _compiled.Any(p => p.IsMatch(value));

    /// <summary>The patterns without wildcards that matched none of <paramref name="values"/>: what the user asked for by name and did not get.</summary>
    public IEnumerable<string> LiteralsNotMatched(IEnumerable<string> values)
    {
        if (_patterns is null)
        {
            return [];
        }

        var all = values.ToList();
        return _patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p)
            && !all.Any(v => string.Equals(v, p, System.StringComparison.OrdinalIgnoreCase)));
    }
}
