namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>A JSON object: members in source order; a repeated key resolves to its last occurrence, as JSON.parse does.</summary>
internal sealed class JsonObjectNode : JsonNode
{
    private readonly Dictionary<string, JsonNode> _byKey = new(System.StringComparer.Ordinal);

    internal JsonObjectNode(int start, int end, string pointer, IReadOnlyList<JsonMember> members, int? trailingComma)
        : base(start, end, pointer)
    {
        Members = members;
        TrailingCommaOffset = trailingComma;
        foreach (var member in members)
        {
            _byKey[member.Key] = member.Value;
        }
    }

    /// <summary>The members in source order (duplicates included).</summary>
    public IReadOnlyList<JsonMember> Members { get; }

    /// <summary>Offset of a comma after the last member (JSONC trailing comma), or null.</summary>
    public int? TrailingCommaOffset { get; }

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public JsonNode? Get(string key) => _byKey.TryGetValue(key, out var value) ? value : null;
}
