namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>The known config file locations per client and scope (reference §4.1); files may or may not exist.</summary>
public static class McpConfigLocations
{
    /// <summary>
    /// The candidate files of <paramref name="client"/> in <paramref name="scope"/>: project files need
    /// <see cref="McpHostEnvironment.ProjectDirectory"/>; clients without such a scope give an empty list.
    /// </summary>
    public static IReadOnlyList<string> For(McpClient client, McpScope scope, McpHostEnvironment host)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        var paths = scope == McpScope.Project ? ProjectFiles(client, host) : UserFiles(client, host);
        return paths.ToList();
    }

    private static IEnumerable<string> ProjectFiles(McpClient client, McpHostEnvironment host)
    {
        if (host.ProjectDirectory is not { Length: > 0 } project)
        {
            yield break;
        }

        var all = client == McpClient.Auto;
        if (all || client == McpClient.Generic)
        {
            yield return Join(host, project, "mcp_config.json");
        }

        if (all || client == McpClient.ClaudeCode)
        {
            yield return Join(host, project, ".mcp.json");
        }

        if (all || client == McpClient.Cursor)
        {
            yield return Join(host, project, ".cursor", "mcp.json");
        }

        if (all || client == McpClient.VSCode)
        {
            yield return Join(host, project, ".vscode", "mcp.json");
        }

        if (all || client == McpClient.Zed)
        {
            yield return Join(host, project, ".zed", "settings.json");
        }
    }

    private static IEnumerable<string> UserFiles(McpClient client, McpHostEnvironment host)
    {
        var home = host.HomeDirectory;
        var all = client == McpClient.Auto;
        if (all || client == McpClient.ClaudeCode)
        {
            yield return Join(host, host.ClaudeConfigDirectory ?? home, ".claude.json");
        }

        if (all || client == McpClient.ClaudeDesktop)
        {
            yield return Join(host, AppConfigRoot(host), "Claude", "claude_desktop_config.json");
        }

        if (all || client == McpClient.Cursor)
        {
            yield return Join(host, home, ".cursor", "mcp.json");
        }

        if (all || client == McpClient.VSCode)
        {
            yield return Join(host, AppConfigRoot(host), "Code", "User", "mcp.json");
        }

        if (all || client == McpClient.Windsurf)
        {
            yield return Join(host, home, ".codeium", "windsurf", "mcp_config.json");
            yield return Join(host, home, ".codeium", "mcp_config.json");
        }

        if (all || client == McpClient.Zed)
        {
            yield return host.Platform == McpPlatform.Windows
                ? Join(host, AppData(host), "Zed", "settings.json")
                : Join(host, home, ".config", "zed", "settings.json");
        }
    }

    // Where desktop apps keep per-user settings: %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME.
    private static string AppConfigRoot(McpHostEnvironment host) => host.Platform switch
    {
        McpPlatform.Windows => AppData(host),
        McpPlatform.MacOS => Join(host, host.HomeDirectory, "Library", "Application Support"),
        _ => host.XdgConfigHome ?? Join(host, host.HomeDirectory, ".config"),
    };

    private static string AppData(McpHostEnvironment host) =>
        host.AppDataDirectory ?? Join(host, host.HomeDirectory, "AppData", "Roaming");

    // Not Path.Combine: the separator must follow the target platform, not the one the tests run on.
    private static string Join(McpHostEnvironment host, string root, params string[] parts)
    {
        var separator = host.Platform == McpPlatform.Windows ? '\\' : '/';
        return root.TrimEnd('/', '\\') + separator + string.Join(separator.ToString(), parts);
    }
}
