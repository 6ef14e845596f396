namespace SecretSync.Core.Checks.Leaks;

/// <summary>One leak: where and which secret, never the value.</summary>
public sealed class LeakFinding
{
    public LeakFinding(string file, int line, string name, LeakKind kind)
    {
        File = file;
        Line = line;
        Name = name;
        LeakKind = kind;
    }

    /// <summary>Path relative to the scanned folder, with '/' separators.</summary>
    public string File { get; }

    /// <summary>1-based line of the match; 0 for findings about the whole file.</summary>
    public int Line { get; }

    /// <summary>The secret's name (or, for a tracked .env file, the file name; for MCP configs the key holding the literal).</summary>
    public string Name { get; }

    /// <summary>What was found: a <see cref="Leaks.LeakKind"/> name (text, so that ConvertTo-Json writes the name: it reads .NET properties and writes enums as numbers).</summary>
    public string Kind => LeakKind.ToString();

    /// <summary>What was found.</summary>
    internal LeakKind LeakKind { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {Kind} {Name}";
}
