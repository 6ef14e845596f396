namespace SecretSync.Core.Drift;

/// <summary>One <c>${NAME}</c> style reference of an MCP config: which name, which file, which line. Never a value.</summary>
public sealed class McpNameReference
{
    public McpNameReference(string name, string filePath, int line)
    {
        Name = name;
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The referenced variable.</summary>
    public string Name { get; }

    /// <summary>The MCP config file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the reference.</summary>
    public int Line { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{FilePath}:{Line}: ${{{Name}}}";
}
