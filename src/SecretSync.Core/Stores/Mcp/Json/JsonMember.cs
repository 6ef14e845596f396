namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>One <c>"key": value</c> pair of an object, in source order.</summary>
internal sealed class JsonMember
{
    internal JsonMember(JsonStringNode keyNode, JsonNode value)
    {
        KeyNode = keyNode;
        Value = value;
    }

    /// <summary>The decoded key.</summary>
    public string Key => KeyNode.Value;

    /// <summary>The key's string token (its span in the source).</summary>
    public JsonStringNode KeyNode { get; }

    /// <summary>The member's value.</summary>
    public JsonNode Value { get; }
}
