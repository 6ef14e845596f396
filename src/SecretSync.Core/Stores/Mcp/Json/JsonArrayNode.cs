namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArrayNode : JsonNode
{
    internal JsonArrayNode(int start, int end, string pointer, IReadOnlyList<JsonNode> items, int? trailingComma)
        : base(start, end, pointer)
    {
        Items = items;
        TrailingCommaOffset = trailingComma;
    }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<JsonNode> Items { get; }

    /// <summary>Offset of a comma after the last element (JSONC trailing comma), or null.</summary>
    public int? TrailingCommaOffset { get; }
}
