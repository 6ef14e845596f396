namespace SecretSync.Core.DotEnv;

/// <summary>
/// A key of a .env file that python-dotenv and DotNetEnv read differently: another value, set in one only, or a file
/// DotNetEnv rejects as a whole. Names the key and its line, never a value.
/// </summary>
public sealed class DotEnvDialectDifference
{
    public DotEnvDialectDifference(string key, string filePath, int line, bool setInPython, bool setInDotNetEnv, bool dotNetEnvRejectsFile)
    {
        Key = key;
        FilePath = filePath;
        Line = line;
        SetInPython = setInPython;
        SetInDotNetEnv = setInDotNetEnv;
        DotNetEnvRejectsFile = dotNetEnvRejectsFile;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The .env file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the key's last statement (python-dotenv's, or DotNetEnv's when only it sets the key).</summary>
    public int Line { get; }

    /// <summary>python-dotenv sets the key (a key without '=' is not set).</summary>
    public bool SetInPython { get; }

    /// <summary>DotNetEnv sets the key (false as well when it rejects the file).</summary>
    public bool SetInDotNetEnv { get; }

    /// <summary>DotNetEnv rejects the whole file: a .NET app loading it gets none of its keys.</summary>
    public bool DotNetEnvRejectsFile { get; }

    /// <summary><c>.env:12</c>.</summary>
    public string Origin => Path.GetFileName(FilePath) + ":" + Line;

    /// <summary>What differs, in words; no value.</summary>
    public string Explanation =>
        DotNetEnvRejectsFile ? "DotNetEnv 3.0.0 rejects the whole file, so a .NET app loading it with DotNetEnv gets no value"
        : !SetInDotNetEnv ? "python-dotenv reads this key but DotNetEnv 3.0.0 does not (the quoting around it splits the file differently)"
        : !SetInPython ? "DotNetEnv 3.0.0 reads this key but python-dotenv does not set it"
        : "python-dotenv and DotNetEnv 3.0.0 read different values here ('$NAME', '#', escapes or quotes mean different things to them)";

    /// <summary>Key, origin and what differs; never the value.</summary>
    public override string ToString() => $"{Key} ({Origin}): {Explanation}";
}
