using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Stores.Export;

/// <summary>
/// Reads planned .env text back in both dialects and names the written keys either would read differently from
/// what was meant. The written spellings never interpolate (<see cref="PortableDotEnvValue"/>), so no lookup is needed.
/// </summary>
internal static class DotEnvReadBack
{
    /// <summary>One refusal per written key that does not read back exactly; <paramref name="dotNetEnvError"/> when DotNetEnv rejects the whole text.</summary>
    public static List<DotEnvDialectMismatchException> Check(string text, IReadOnlyList<KeyValuePair<string, string>> written, string displayPath, out DotEnvParseException? dotNetEnvError)
    {
        var meant = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in written)
        {
            meant[pair.Key] = pair.Value;
        }

        var problems = new List<DotEnvDialectMismatchException>();
        Compare(meant, DotEnvReader.Parse(text, displayPath, DotEnvReader.NoEnvironment), DotEnvDialect.PythonDotenv, problems);
        dotNetEnvError = null;
        try
        {
            Compare(meant, DotEnvReader.Parse(text, displayPath, DotEnvReader.NoEnvironment, DotEnvDialect.DotNetEnv), DotEnvDialect.DotNetEnv, problems);
        }
        catch (DotEnvParseException e)
        {
            dotNetEnvError = e;
        }

        return problems;
    }

    private static void Compare(Dictionary<string, string> meant, IReadOnlyList<DotEnvEntry> read, DotEnvDialect dialect, List<DotEnvDialectMismatchException> problems)
    {
        var last = DotEnvReader.LastByKey(read);
        foreach (var pair in meant)
        {
            string? reason = !last.TryGetValue(pair.Key, out var entry) || !entry.HasValue ? "would not set it at all"
                : !string.Equals(entry.Value, pair.Value, StringComparison.Ordinal) ? "would get another value"
                : null;
            if (reason is not null)
            {
                problems.Add(new DotEnvDialectMismatchException(pair.Key, dialect, reason));
            }
        }
    }
}
