using System.Collections;

namespace SecretSync;

/// <summary>The process environment as the cmdlets read it.</summary>
internal static class ProcessEnvironment
{
    /// <summary>A snapshot of the process environment.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot()
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            snapshot[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return snapshot;
    }
}
