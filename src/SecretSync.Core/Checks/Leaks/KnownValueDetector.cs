namespace SecretSync.Core.Checks.Leaks;

/// <summary>Finds known secret values (verbatim, percent-encoded, base64) in file text.</summary>
internal sealed class KnownValueDetector : ILeakDetector
{
    /// <summary>Shorter values are not searched: "password", "true" or a port number would match everywhere.</summary>
    public const int MinimumValueLength = 8;

    private readonly MultiPatternMatcher _matcher;

    private KnownValueDetector(MultiPatternMatcher matcher) => _matcher = matcher;

    /// <summary>A detector for <paramref name="values"/> (name → value; a name may appear with several values).</summary>
    /// <param name="values">The known secrets.</param>
    /// <param name="reporter">Told (by name) which values are too short to search.</param>
    public static KnownValueDetector Create(IEnumerable<KeyValuePair<string, string>> values, ISyncReporter reporter)
    {
        var patterns = new List<KnownValuePattern>();
        var seen = new HashSet<(string, string)>();
        var tooShort = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pair in values)
        {
            if (pair.Value.Length < MinimumValueLength)
            {
                tooShort.Add(pair.Key);
                continue;
            }

            if (seen.Add((pair.Key, pair.Value)))
            {
                patterns.AddRange(KnownValueSpellings.Of(pair.Key, pair.Value, MinimumValueLength));
            }
        }

        if (tooShort.Count > 0)
        {
            reporter.Verbose($"Not searching for {string.Join(", ", tooShort)}: values shorter than {MinimumValueLength} characters would match too much.");
        }

        reporter.Verbose($"Searching for {seen.Count} known value(s) in {patterns.Count} spellings (verbatim, URL-encoded, base64).");
        return new KnownValueDetector(new MultiPatternMatcher(patterns));
    }

    /// <inheritdoc/>
    public IEnumerable<LeakFinding> Inspect(LeakScanFile file)
    {
        if (file.Text is not { } text)
        {
            return [];
        }

        var findings = new List<LeakFinding>();
        var reported = new HashSet<(int, string, LeakKind)>();
        var lines = new LineMap(text);
        foreach (var (index, pattern) in _matcher.FindAll(text))
        {
            var (line, _) = lines.PositionOf(index);
            var kind = KindOf(pattern.Spelling);
            if (reported.Add((line, pattern.Name, kind)))
            {
                findings.Add(new LeakFinding(file.RelativePath, line, pattern.Name, kind));
            }
        }

        // A value also found verbatim on a line need not be reported again for an encoding that contains it.
        return findings.Where(f => f.LeakKind == LeakKind.KnownValue || !reported.Contains((f.Line, f.Name, LeakKind.KnownValue)));
    }

    private static LeakKind KindOf(ValueSpelling spelling) => spelling switch
    {
        ValueSpelling.UrlEncoded => LeakKind.KnownValueUrlEncoded,
        ValueSpelling.Base64 => LeakKind.KnownValueBase64,
        _ => LeakKind.KnownValue,
    };
}
