namespace SecretSync.Emulator.GitHub;

/// <summary>GitHub's <c>created</c> search qualifier: <c>&gt;=T</c>, <c>&gt;T</c>, <c>&lt;=T</c>, <c>&lt;T</c>, <c>A..B</c> or a date/time.</summary>
internal static class CreatedFilter
{
    public static bool Matches(DateTimeOffset created, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        if (filter.Contains("..", StringComparison.Ordinal))
        {
            var parts = filter.Split("..");
            return (parts[0] is "*" or "" || created >= Start(parts[0])) && (parts[1] is "*" or "" || created <= End(parts[1]));
        }

        return filter switch
        {
            _ when filter.StartsWith(">=", StringComparison.Ordinal) => created >= Start(filter[2..]),
            _ when filter.StartsWith("<=", StringComparison.Ordinal) => created <= End(filter[2..]),
            _ when filter.StartsWith('>') => created > End(filter[1..]),
            _ when filter.StartsWith('<') => created < Start(filter[1..]),
            _ => created >= Start(filter) && created <= End(filter),
        };
    }

    private static DateTimeOffset Start(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A bare date covers the whole day; a time is a point.</summary>
    private static DateTimeOffset End(string text) => text.Contains('T', StringComparison.Ordinal)
        ? Start(text)
        : Start(text).AddDays(1).AddTicks(-1);
}
