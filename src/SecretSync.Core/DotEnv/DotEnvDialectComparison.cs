namespace SecretSync.Core.DotEnv;

/// <summary>
/// Reads one .env text in both dialects and lists the keys whose final value differs (the last statement of a key
/// wins in both, as a process environment keeps it). Used by Compare-SophiaSecret and, on what it writes, by
/// Export-SophiaSecret.
/// </summary>
internal sealed class DotEnvDialectComparison
{
    private DotEnvDialectComparison(IReadOnlyList<DotEnvDialectDifference> differences, DotEnvParseException? dotNetEnvError)
    {
        Differences = differences;
        DotNetEnvError = dotNetEnvError;
    }

    /// <summary>Keys read differently, in python-dotenv's file order, then keys only DotNetEnv sets.</summary>
    public IReadOnlyList<DotEnvDialectDifference> Differences { get; }

    /// <summary>Why DotNetEnv rejects the whole file (names file, line and column), or null when it reads it.</summary>
    public DotEnvParseException? DotNetEnvError { get; }

    /// <summary>Reads <paramref name="path"/> once and compares the two readings.</summary>
    /// <exception cref="DotEnvParseException">python-dotenv's reading rejects the file.</exception>
    public static DotEnvDialectComparison CompareFile(string path, Func<string, string?> lookup) =>
        Compare(DotEnvFileText.Read(path), path, lookup);

    /// <summary>Compares python-dotenv's reading of <paramref name="text"/> (with <paramref name="lookup"/>) with DotNetEnv's.</summary>
    /// <exception cref="DotEnvParseException">python-dotenv's reading rejects the text.</exception>
    public static DotEnvDialectComparison Compare(string text, string displayPath, Func<string, string?> lookup)
    {
        var python = DotEnvReader.LastByKey(DotEnvReader.Read(text, displayPath, lookup));
        var differences = new List<DotEnvDialectDifference>();
        Dictionary<string, DotEnvEntry> dotNetEnv;
        try
        {
            dotNetEnv = DotEnvReader.LastByKey(DotEnvReader.Parse(text, displayPath, lookup, DotEnvDialect.DotNetEnv));
        }
        catch (DotEnvParseException e)
        {
            foreach (var entry in python.Values)
            {
                differences.Add(new DotEnvDialectDifference(entry.Key, displayPath, entry.Line, entry.HasValue, setInDotNetEnv: false, dotNetEnvRejectsFile: true));
            }

            return new DotEnvDialectComparison(differences, e);
        }

        foreach (var entry in python.Values)
        {
            bool inDotNetEnv = dotNetEnv.TryGetValue(entry.Key, out var other);
            if (!entry.HasValue ? inDotNetEnv : !inDotNetEnv || !string.Equals(entry.Value, other!.Value, StringComparison.Ordinal))
            {
                differences.Add(new DotEnvDialectDifference(entry.Key, displayPath, entry.Line, entry.HasValue, inDotNetEnv, dotNetEnvRejectsFile: false));
            }
        }

        foreach (var entry in dotNetEnv.Values)
        {
            if (!python.ContainsKey(entry.Key))
            {
                differences.Add(new DotEnvDialectDifference(entry.Key, displayPath, entry.Line, setInPython: false, setInDotNetEnv: true, dotNetEnvRejectsFile: false));
            }
        }

        return new DotEnvDialectComparison(differences, null);
    }
}
