using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>Lists the strings of a server that are scanned: command, args, env, url, serverUrl, headers (and Zed settings).</summary>
internal static class McpStringSiteCollector
{
    public static IEnumerable<McpStringSite> Collect(McpServer server)
    {
        var node = server.Node;
        var sites = new List<McpStringSite>();
        switch (node.Get("command"))
        {
            case JsonStringNode command:
                sites.Add(new McpStringSite(server, command, McpField.Command, null));
                break;
            case JsonObjectNode zedCommand:
                // Zed's older form: "command": { "path", "args", "env" }.
                AddCommandParts(sites, server, zedCommand);
                break;
        }

        AddCommandParts(sites, server, node);
        foreach (var urlKey in new[] { "url", "serverUrl" })
        {
            if (node.Get(urlKey) is JsonStringNode url)
            {
                sites.Add(new McpStringSite(server, url, McpField.Url, null));
            }
        }

        AddObjectValues(sites, server, node.Get("headers"), McpField.Header);
        AddObjectValues(sites, server, (node.Get("requestOptions") as JsonObjectNode)?.Get("headers"), McpField.Header);
        AddSettings(sites, server, node.Get("settings"), null);
        return sites;
    }

    private static void AddCommandParts(List<McpStringSite> sites, McpServer server, JsonObjectNode node)
    {
        if (node.Get("path") is JsonStringNode path && node != server.Node)
        {
            sites.Add(new McpStringSite(server, path, McpField.Command, null));
        }

        if (node.Get("args") is JsonArrayNode args)
        {
            string? previous = null;
            foreach (var item in args.Items)
            {
                var text = (item as JsonStringNode)?.Value;
                if (item is JsonStringNode argument)
                {
                    sites.Add(new McpStringSite(server, argument, McpField.Argument, null, previous));
                }

                previous = text;
            }
        }

        AddObjectValues(sites, server, node.Get("env"), McpField.Env);
    }

    private static void AddObjectValues(List<McpStringSite> sites, McpServer server, JsonNode? container, McpField field)
    {
        if (container is not JsonObjectNode values)
        {
            return;
        }

        foreach (var member in values.Members)
        {
            if (member.Value is JsonStringNode value)
            {
                sites.Add(new McpStringSite(server, value, field, member.Key));
            }
        }
    }

    // Zed extension servers take their API keys under "settings", at any depth.
    private static void AddSettings(List<McpStringSite> sites, McpServer server, JsonNode? node, string? key)
    {
        switch (node)
        {
            case JsonStringNode value when key is not null:
                sites.Add(new McpStringSite(server, value, McpField.Setting, key));
                break;
            case JsonObjectNode settings:
                foreach (var member in settings.Members)
                {
                    AddSettings(sites, server, member.Value, member.Key);
                }

                break;
            case JsonArrayNode array:
                foreach (var item in array.Items)
                {
                    AddSettings(sites, server, item, key);
                }

                break;
        }
    }
}
