namespace SecretSync.Core.Records.Naming;

/// <summary>
/// Finds a likely typo: the known name within two edits (case ignored) of a given one, or one edit for names shorter
/// than <see cref="ShortName"/> characters, where two edits already make a different word.
/// </summary>
internal static class NearestName
{
    private const int MaximumDistance = 2;
    private const int ShortName = 8;

    /// <summary>The closest of <paramref name="candidates"/> other than <paramref name="name"/> itself, or null.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var allowed = name.Length < ShortName ? 1 : MaximumDistance;
        var bestDistance = allowed + 1;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal) || Math.Abs(candidate.Length - name.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    // Levenshtein with two rows; names are short, so this costs nothing next to one HTTP request.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
