namespace SecretSync.Core.Mcp;

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
