namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>; MCP configs never hold secrets in these.</summary>
internal sealed class JsonLiteralNode : JsonNode
{
    internal JsonLiteralNode(int start, int end, string pointer, string rawText)
        : base(start, end, pointer)
    {
        RawText = rawText;
    }

    /// <summary>The literal as written.</summary>
    public string RawText { get; }
}
