using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>A string under a server that may hold a secret, with what names it (env key, header, previous flag).</summary>
internal sealed class McpStringSite
{
    public McpStringSite(McpServer server, JsonStringNode node, McpField field, string? key, string? previousArgument = null)
    {
        Server = server;
        Node = node;
        Field = field;
        Key = key;
        PreviousArgument = previousArgument;
    }

    public McpServer Server { get; }

    public JsonStringNode Node { get; }

    public McpField Field { get; }

    /// <summary>The env key, header name or setting key; null for command, args and url.</summary>
    public string? Key { get; }

    /// <summary>For an argument, the one before it (so <c>--token</c>, <c>VALUE</c> names VALUE).</summary>
    public string? PreviousArgument { get; }
}
