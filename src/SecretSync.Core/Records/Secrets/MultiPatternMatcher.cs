namespace SecretSync.Core.Records.Secrets;

/// <summary>
/// Finds many fixed strings in one pass over a text: each position's next four characters form a 64-bit key,
/// looked up (after a 64K-bit prefilter that rejects almost every position with one array read) among the
/// patterns' first four characters; candidates are then compared in full. Cost grows with the text, barely with
/// the number of patterns. Immutable after construction, so one instance serves every thread.
/// </summary>
internal sealed class MultiPatternMatcher
{
    /// <summary>Patterns shorter than this cannot be keyed.</summary>
    public const int MinimumPatternLength = 4;

    private readonly Dictionary<ulong, KnownValuePattern[]> _byPrefix = [];
    private readonly bool[] _filter = new bool[1 << 16];

    public MultiPatternMatcher(IEnumerable<KnownValuePattern> patterns)
    {
        var lists = new Dictionary<ulong, List<KnownValuePattern>>();
        foreach (var pattern in patterns)
        {
            if (pattern.Text.Length < MinimumPatternLength)
            {
                throw new ArgumentException("Every pattern needs at least four characters.", nameof(patterns));
            }

            ulong key = Key(pattern.Text, 0);
            if (!lists.TryGetValue(key, out var list))
            {
                list = [];
                lists.Add(key, list);
            }

            list.Add(pattern);
            _filter[Slot(key)] = true;
        }

        foreach (var pair in lists)
        {
            _byPrefix.Add(pair.Key, pair.Value.ToArray());
        }

        Count = lists.Count;
    }

    /// <summary>Number of distinct four-character prefixes (0: nothing to find).</summary>
    public int Count { get; }

    /// <summary>Every match as (start index, pattern), in increasing start order.</summary>
    public IEnumerable<(int Index, KnownValuePattern Pattern)> FindAll(string text)
    {
        if (Count == 0 || text.Length < MinimumPatternLength)
        {
            yield break;
        }

        ulong key = Key(text, 0) >> 16;
        for (int end = MinimumPatternLength - 1; end < text.Length; end++)
        {
            key = (key << 16) | text[end];
            if (!_filter[Slot(key)] || !_byPrefix.TryGetValue(key, out var candidates))
            {
                continue;
            }

            int start = end - (MinimumPatternLength - 1);
            foreach (var pattern in candidates)
            {
                if (start + pattern.Text.Length <= text.Length && string.CompareOrdinal(text, start, pattern.Text, 0, pattern.Text.Length) == 0)
                {
                    yield return (start, pattern);
                }
            }
        }
    }

    private static ulong Key(string text, int start) =>
        ((ulong)text[start] << 48) | ((ulong)text[start + 1] << 32) | ((ulong)text[start + 2] << 16) | text[start + 3];

    private static int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 48);
}
