namespace SecretSync.Core.Checks.Drift;

/// <summary>One <c>${NAME}</c> style reference of an MCP config: which name, which file, which line. Never a value.</summary>
public sealed class McpNameReference
{
    public McpNameReference(string name, string filePath, int line, bool clientReadsDotEnv = true)
    {
        Name = name;
        FilePath = filePath;
        Line = line;
        ClientReadsDotEnv = clientReadsDotEnv;
    }

    /// <summary>
    /// False when the client resolves the reference from its own process environment only (<c>${env:NAME}</c> in
    /// Cursor, VS Code and Windsurf, <c>${NAME}</c> in Claude Code): a name set only in .env stays unresolved.
    /// </summary>
    public bool ClientReadsDotEnv { get; }

    /// <summary>The referenced variable.</summary>
    public string Name { get; }

    /// <summary>The MCP config file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the reference.</summary>
    public int Line { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{FilePath}:{Line}: ${{{Name}}}";
}
