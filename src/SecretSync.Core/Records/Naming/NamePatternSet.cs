namespace SecretSync.Core.Records.Naming;

/// <summary>
/// Wildcards over names, '*' and '?' only, case-insensitive: the <c>patterns</c> of secretsync.json, -Pattern of
/// the environment collector, the names an environment target receives.
/// </summary>
internal sealed class NamePatternSet
{
    private readonly List<Func<string, bool>> _matchers;

    public NamePatternSet(IEnumerable<string> patterns)
    {
        _matchers = patterns.Select(Matcher).ToList();
    }

    public bool IsMatch(string name) => _matchers.Any(m => m(name));

    // Every key of a .env file meets these patterns, so the usual shapes ("*_API_KEY", "STAGING_*", a plain name)
    // skip the regex engine: on a 500,000-key file six interpreted regexes a key were half the collection's time.
    private static Func<string, bool> Matcher(string pattern)
    {
        var literal = pattern.Trim('*');
        if (literal.IndexOfAny(['*', '?']) < 0)
        {
            var (leading, trailing) = (pattern.StartsWith("*", StringComparison.Ordinal), pattern.EndsWith("*", StringComparison.Ordinal));
            return (leading, trailing) switch
            {
                (true, true) => name => name.IndexOf(literal, StringComparison.OrdinalIgnoreCase) >= 0,
                (true, false) => name => name.EndsWith(literal, StringComparison.OrdinalIgnoreCase),
                (false, true) => name => name.StartsWith(literal, StringComparison.OrdinalIgnoreCase),
                _ => name => string.Equals(name, literal, StringComparison.OrdinalIgnoreCase),
            };
        }

        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        return regex.IsMatch;
    }
}
