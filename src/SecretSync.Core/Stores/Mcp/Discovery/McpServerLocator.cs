using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>Finds the server entries of a config by its client's shape (root keys, reference §4.1).</summary>
internal static class McpServerLocator
{
    /// <summary>
    /// <c>mcpServers</c> (Generic, Claude Code, Claude Desktop, Cursor, Windsurf), <c>projects.*.mcpServers</c>
    /// (<c>~/.claude.json</c>), <c>servers</c> and the older settings form <c>mcp.servers</c> (VS Code),
    /// <c>context_servers</c> (Zed). Generic files are probed for every shape, since any client's file may be copied
    /// under another name. Entries that are not objects are skipped.
    /// </summary>
    public static IReadOnlyList<McpServer> Find(McpDocument document, McpClient client)
    {
        var servers = new List<McpServer>();
        if (document.Root is not JsonObjectNode root)
        {
            return servers;
        }

        client = McpClientDetector.Resolve(client, document.FilePath);
        var generic = client == McpClient.Generic;
        if (generic || client is McpClient.ClaudeCode or McpClient.ClaudeDesktop or McpClient.Cursor or McpClient.Windsurf)
        {
            AddContainer(servers, root.Get("mcpServers"));
        }

        if (generic || client == McpClient.ClaudeCode)
        {
            if (root.Get("projects") is JsonObjectNode projects)
            {
                foreach (var project in projects.Members)
                {
                    AddContainer(servers, (project.Value as JsonObjectNode)?.Get("mcpServers"));
                }
            }
        }

        if (generic || client == McpClient.VSCode)
        {
            AddContainer(servers, root.Get("servers"));
            AddContainer(servers, (root.Get("mcp") as JsonObjectNode)?.Get("servers"));
        }

        if (generic || client == McpClient.Zed)
        {
            AddContainer(servers, root.Get("context_servers"));
        }

        return servers;
    }

    private static void AddContainer(List<McpServer> servers, JsonNode? container)
    {
        if (container is not JsonObjectNode objectNode)
        {
            return;
        }

        foreach (var member in objectNode.Members)
        {
            if (member.Value is JsonObjectNode server)
            {
                servers.Add(new McpServer(member.Key, server));
            }
        }
    }
}
