using System.Runtime.InteropServices;

namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>The machine facts config locations depend on; passed in so the locations are testable on any OS.</summary>
public sealed class McpHostEnvironment
{
    /// <summary>Creates the environment; <paramref name="homeDirectory"/> is required, the others are optional.</summary>
    public McpHostEnvironment(McpPlatform platform, string homeDirectory, string? projectDirectory = null)
    {
        Platform = platform;
        HomeDirectory = homeDirectory;
        ProjectDirectory = projectDirectory;
    }

    /// <summary>The operating system this process runs on.</summary>
    public static McpPlatform CurrentPlatform =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? McpPlatform.Windows
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? McpPlatform.MacOS
        : McpPlatform.Linux;

    /// <summary>
    /// The environment described by <paramref name="variable"/>: home from USERPROFILE on Windows (where clients use
    /// it even when a Git shell sets HOME), else HOME; APPDATA, CLAUDE_CONFIG_DIR and XDG_CONFIG_HOME when set.
    /// </summary>
    public static McpHostEnvironment FromVariables(McpPlatform platform, Func<string, string?> variable, string? projectDirectory)
    {
        if (variable is null)
        {
            throw new ArgumentNullException(nameof(variable));
        }

        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;
        var home = platform == McpPlatform.Windows ? Get("USERPROFILE") ?? Get("HOME") : Get("HOME") ?? Get("USERPROFILE");
        return new McpHostEnvironment(platform, home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), projectDirectory)
        {
            AppDataDirectory = Get("APPDATA"),
            ClaudeConfigDirectory = Get("CLAUDE_CONFIG_DIR"),
            XdgConfigHome = Get("XDG_CONFIG_HOME"),
        };
    }

    /// <summary>The operating system.</summary>
    public McpPlatform Platform { get; }

    /// <summary>The user's home directory (<c>~</c>, <c>%USERPROFILE%</c>).</summary>
    public string HomeDirectory { get; }

    /// <summary>The project (repository root) for project-scope files, or null.</summary>
    public string? ProjectDirectory { get; }

    /// <summary><c>%APPDATA%</c> on Windows; defaults to <c>home\AppData\Roaming</c>.</summary>
    public string? AppDataDirectory { get; set; }

    /// <summary><c>$CLAUDE_CONFIG_DIR</c> when set: Claude Code then keeps <c>.claude.json</c> there.</summary>
    public string? ClaudeConfigDirectory { get; set; }

    /// <summary><c>$XDG_CONFIG_HOME</c> when set (Linux); defaults to <c>~/.config</c>.</summary>
    public string? XdgConfigHome { get; set; }
}
