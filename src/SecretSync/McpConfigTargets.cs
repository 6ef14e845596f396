using SecretSync.Commands;
using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync;

/// <summary>
/// The MCP config files Update-McpConfig works on: -Path, else mcpConfigs of secretsync.json, else the known
/// locations of the client and scopes that exist. A named file that is missing is an error for that file only.
/// </summary>
internal static class McpConfigTargets
{
    public static IReadOnlyList<string> Resolve(SophiaCmdlet cmdlet, string[]? paths, bool literal, McpClient client, McpScope[] scopes)
    {
        if (paths is not null)
        {
            return Distinct(cmdlet.Paths.Existing(paths, literal, stopOnError: false));
        }

        if (cmdlet.Context.Config.McpConfigs is { Count: > 0 } configured)
        {
            return Distinct(configured.Where(path => Exists(cmdlet, path)));
        }

        var host = McpHostEnvironment.FromVariables(McpHostEnvironment.CurrentPlatform, Environment.GetEnvironmentVariable, cmdlet.Context.Config.Directory ?? cmdlet.CurrentDirectory);
        var searched = Distinct(scopes.Distinct().SelectMany(scope => McpConfigLocations.For(client, scope, host)));
        var found = searched.Where(File.Exists).ToList();
        if (found.Count == 0)
        {
            var hint = scopes.Contains(McpScope.User) ? "Pass -Path or set \"mcpConfigs\" in secretsync.json." : "Pass -Path, set \"mcpConfigs\" in secretsync.json, or add -Scope User.";
            cmdlet.WriteWarning($"No MCP config found for client {client} in scope {string.Join(", ", scopes.Distinct())}. Looked for: {string.Join(", ", searched)}. {hint}");
        }

        return found;
    }

    private static bool Exists(SophiaCmdlet cmdlet, string path)
    {
        if (File.Exists(path))
        {
            return true;
        }

        cmdlet.WriteError(NotFound(path));
        return false;
    }

    private static ErrorRecord NotFound(string path) =>
        ErrorRecords.FileNotFound(new FileNotFoundException($"{path} does not exist. Check mcpConfigs in secretsync.json.", path), path);

    // Two spellings of one file (a wildcard and a name, or a discovered file listed twice) are rewritten once.
    private static List<string> Distinct(IEnumerable<string> paths) =>
        paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
}
