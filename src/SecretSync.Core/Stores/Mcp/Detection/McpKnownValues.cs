namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>
/// Known secret values prepared for matching. Values that cannot be told from ordinary config text are dropped:
/// booleans, numbers, plain absolute paths, and anything shorter than
/// <see cref="McpDetectionOptions.MinimumWholeValueLength"/>. Matches come longest value first (so a value that
/// contains another wins), then by name, for a stable result.
/// </summary>
internal sealed class McpKnownValues
{
    private const int KeyLength = 4;

    private static readonly Regex s_plainPath = new(@"^(?:/|~/|[A-Za-z]:[\\/])[^\s:]*$", RegexOptions.CultureInvariant);

    private readonly List<(string Name, string Value)> _entries;
    private readonly Dictionary<string, int> _wholeOnly = new(StringComparer.Ordinal);

    // Entries indexed by their first four characters: one hash lookup per position of a scanned string instead of
    // one IndexOf per known value, which matters with hundreds of collected values and a 1 MB config.
    private readonly Dictionary<ulong, List<int>> _byHead = new();
    private readonly int _minimumSubstringLength;

    public McpKnownValues(IReadOnlyDictionary<string, string>? valuesByName, McpDetectionOptions options)
    {
        _minimumSubstringLength = Math.Max(options.MinimumSubstringLength, KeyLength);
        _entries = (valuesByName ?? new Dictionary<string, string>())
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && IsDistinctive(pair.Value, options))
            .OrderByDescending(pair => pair.Value.Length)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, pair.Value))
            .ToList();
        for (var i = 0; i < _entries.Count; i++)
        {
            var value = _entries[i].Value;
            if (value.Length < _minimumSubstringLength)
            {
                if (!_wholeOnly.ContainsKey(value))
                {
                    _wholeOnly[value] = i;
                }

                continue;
            }

            var head = Head(value, 0);
            if (!_byHead.TryGetValue(head, out var list))
            {
                _byHead[head] = list = new List<int>();
            }

            list.Add(i);
        }
    }

    /// <summary>Every occurrence in <paramref name="text"/>, strongest first; overlaps are the caller's to resolve.</summary>
    public List<(int Start, int Length, string Name)> FindIn(string text)
    {
        var hits = new List<(int Entry, int Start)>();
        if (_wholeOnly.TryGetValue(text, out var whole))
        {
            hits.Add((whole, 0));
        }

        if (_byHead.Count > 0)
        {
            for (var at = 0; at + _minimumSubstringLength <= text.Length; at++)
            {
                if (!_byHead.TryGetValue(Head(text, at), out var candidates))
                {
                    continue;
                }

                foreach (var entry in candidates)
                {
                    var value = _entries[entry].Value;
                    if (at + value.Length <= text.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0)
                    {
                        hits.Add((entry, at));
                    }
                }
            }
        }

        hits.Sort((a, b) => a.Entry != b.Entry ? a.Entry.CompareTo(b.Entry) : a.Start.CompareTo(b.Start));
        return hits.ConvertAll(hit => (hit.Start, _entries[hit.Entry].Value.Length, _entries[hit.Entry].Name));
    }

    private static ulong Head(string text, int at) =>
        text[at] | ((ulong)text[at + 1] << 16) | ((ulong)text[at + 2] << 32) | ((ulong)text[at + 3] << 48);

    private static bool IsDistinctive(string value, McpDetectionOptions options) =>
        value.Length >= options.MinimumWholeValueLength
        && !McpSecretPatterns.IsTrivialValue(value)
        && !s_plainPath.IsMatch(value);
}
