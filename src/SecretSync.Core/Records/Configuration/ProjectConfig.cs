namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// A project's secretsync.json: defaults for the cmdlets and secrets added to the catalog. Relative paths are
/// resolved against the file's folder. <see cref="Empty"/> stands for "no secretsync.json found".
/// </summary>
public sealed class ProjectConfig
{
    /// <summary>The environment-variable name patterns collected when secretsync.json sets none.</summary>
    public static readonly IReadOnlyList<string> DefaultPatterns = ["*_API_KEY", "*_TOKEN", "*_SECRET", "*_PASSWORD", "*_CLIENT_ID", "*_CLIENT_SECRET"];

    /// <summary>No secretsync.json: built-in defaults only.</summary>
    public static readonly ProjectConfig Empty = new();

    /// <summary>Full path of the secretsync.json, or null for <see cref="Empty"/>.</summary>
    public string? FilePath { get; init; }

    /// <summary>Folder of the secretsync.json (the project root), or null.</summary>
    public string? Directory { get; init; }

    /// <summary>Default ESC environment, <c>org/[project/]env</c>.</summary>
    public string? EscEnvironment { get; init; }

    /// <summary>Default GitHub organisation.</summary>
    public string? GitHubOrganization { get; init; }

    /// <summary>Default repository (<c>owner/repo</c>) holding the sync workflow.</summary>
    public string? GitHubRepository { get; init; }

    /// <summary>.env files to collect, as full paths.</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    /// <summary>MCP config files to update, as full paths.</summary>
    public IReadOnlyList<string> McpConfigs { get; init; } = [];

    /// <summary>Path of the .env template, or null for the default.</summary>
    public string? Template { get; init; }

    /// <summary>Path of the generated sync workflow, or null for the default.</summary>
    public string? Workflow { get; init; }

    /// <summary>Wildcard patterns of environment-variable names to collect.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = DefaultPatterns;

    /// <summary>GitHub content-creating requests allowed per minute (GitHub documents 80).</summary>
    public int GitHubWritesPerMinute { get; init; } = 80;

    /// <summary>GitHub content-creating requests allowed per hour (GitHub documents 500).</summary>
    public int GitHubWritesPerHour { get; init; } = 500;

    /// <summary>Secrets this project adds to (or changes in) the catalog.</summary>
    public IReadOnlyList<CatalogEntryDefinition> Secrets { get; init; } = [];

    /// <summary>The base environment every one of <see cref="Environments"/> imports (ESC <c>imports:</c>), or null.</summary>
    public EnvironmentTarget? Shared { get; init; }

    /// <summary>Named sync targets (dev, staging, prod, ...); empty when secretsync.json has no <c>environments</c>.</summary>
    public IReadOnlyList<EnvironmentTarget> Environments { get; init; } = [];

    /// <summary>Unknown keys and other things worth a warning, each naming file, line and column.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
