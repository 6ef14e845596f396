namespace SecretSync.Emulator.Testing;

/// <summary>
/// A scripted fault: after <see cref="Skip"/> matching requests pass, the next <see cref="Count"/> matching requests (or, with <see cref="Rate"/>, that fraction of
/// them until cleared) fail with one of <see cref="Statuses"/>, wait <see cref="DelayMs"/>, or drop the connection.
/// </summary>
internal sealed class FaultRule
{
    public string? Method { get; init; }

    public string? PathPrefix { get; init; }

    public int Count { get; set; }

    /// <summary>Matching requests let through untouched before the fault starts (a test's "the second PATCH fails").</summary>
    public int Skip { get; set; }

    public double? Rate { get; init; }

    public int[] Statuses { get; init; } = [];

    public int? RetryAfter { get; init; }

    /// <summary>GitHub paths: answer as an exhausted primary limit (x-ratelimit-remaining 0) resetting in this many seconds.</summary>
    public int? ResetSeconds { get; init; }

    public int DelayMs { get; init; }

    public bool Drop { get; init; }

    public string? Message { get; init; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}
