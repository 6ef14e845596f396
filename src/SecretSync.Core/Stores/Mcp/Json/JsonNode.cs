namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>
/// A value in a parsed JSONC document, with its exact span in the source text so edits can splice the original
/// characters instead of re-serializing (which would lose comments, order, BOM and line endings).
/// </summary>
public abstract class JsonNode
{
    private protected JsonNode(int start, int end, string pointer)
    {
        Start = start;
        End = end;
        Pointer = pointer;
    }

    /// <summary>Offset of the value's first character in the source text.</summary>
    public int Start { get; }

    /// <summary>Offset just past the value's last character.</summary>
    public int End { get; }

    /// <summary>RFC 6901 JSON Pointer of this value, e.g. <c>/mcpServers/github/env/GITHUB_TOKEN</c>.</summary>
    public string Pointer { get; }
}
