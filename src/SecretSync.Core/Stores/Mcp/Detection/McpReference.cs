namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>An existing variable reference inside a decoded string (any client's dialect).</summary>
internal sealed class McpReference
{
    public McpReference(int start, int length, string name, bool isVariable, bool hasDefault)
    {
        Start = start;
        Length = length;
        Name = name;
        IsVariable = isVariable;
        HasDefault = hasDefault;
    }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The variable or input id the reference names.</summary>
    public string Name { get; }

    /// <summary>True when it names an environment variable (so an unset variable deserves a warning).</summary>
    public bool IsVariable { get; }

    /// <summary>True for <c>${NAME:-default}</c>: unset is fine.</summary>
    public bool HasDefault { get; }
}
