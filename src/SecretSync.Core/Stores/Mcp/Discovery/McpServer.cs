using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>One server entry of an MCP config, e.g. <c>/mcpServers/github</c>.</summary>
internal sealed class McpServer
{
    internal McpServer(string name, JsonObjectNode node)
    {
        Name = name;
        Node = node;
    }

    /// <summary>The server's key in its container.</summary>
    public string Name { get; }

    /// <summary>JSON Pointer of the server object.</summary>
    public string Pointer => Node.Pointer;

    /// <summary>The server object.</summary>
    public JsonObjectNode Node { get; }
}
