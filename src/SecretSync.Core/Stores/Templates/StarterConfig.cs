using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync.Core.Stores.Templates;

/// <summary>
/// The text of a starter secretsync.json for a folder: the organisation and ESC environment given, the .env file
/// and the project MCP configs found there. "secrets" is empty on purpose: the built-in catalog applies to every
/// project without being listed, and entries written here would become overrides that pin today's descriptions and
/// hide later corrections of the built-in catalog. The project adds only its own secrets.
/// </summary>
public static class StarterConfig
{
    /// <summary>The .env files a starter config lists when they exist (the seed uses one .env per project).</summary>
    private static readonly string[] s_envFiles = [".env"];

    public static string Create(string folder, string organization, string escEnvironment, string? repository = null)
    {
        var config = new JObject
        {
            ["githubOrganization"] = organization,
            ["escEnvironment"] = escEnvironment,
        };
        if (repository is not null)
        {
            config["githubRepository"] = repository;
        }

        var envFiles = s_envFiles.Where(name => File.Exists(Path.Combine(folder, name))).ToList();
        if (envFiles.Count > 0)
        {
            config["envFiles"] = new JArray(envFiles);
        }

        var mcpConfigs = McpFilesIn(folder);
        if (mcpConfigs.Count > 0)
        {
            config["mcpConfigs"] = new JArray(mcpConfigs);
        }

        config["secrets"] = new JArray();
        return config.ToString(Formatting.Indented) + "\n";
    }

    // The project-scope locations Update-McpConfig knows for every client, relative with '/' as in the README.
    private static List<string> McpFilesIn(string folder)
    {
        var host = new McpHostEnvironment(McpHostEnvironment.CurrentPlatform, folder, folder);
        return McpConfigLocations.For(McpClient.Auto, McpScope.Project, host)
            .Where(File.Exists)
            .Select(path => Relative(folder, path))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Relative(string folder, string path)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        return (full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full).Replace('\\', '/');
    }
}
