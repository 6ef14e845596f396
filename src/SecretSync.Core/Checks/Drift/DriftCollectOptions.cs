using System.Security;

namespace SecretSync.Core.Checks.Drift;

/// <summary>What Compare-SophiaSecret reads. Unset members take the defaults of secretsync.json.</summary>
public sealed class DriftCollectOptions
{
    /// <summary>.env files; null means secretsync.json envFiles (those that exist), else ./.env when it exists.</summary>
    public IReadOnlyList<string>? DotEnvFiles { get; init; }

    /// <summary>MCP config files; null means secretsync.json mcpConfigs that exist.</summary>
    public IReadOnlyList<string>? McpConfigs { get; init; }

    /// <summary>The ESC environment; null means escEnvironment, and without it ESC is not compared.</summary>
    public EnvironmentRef? Environment { get; init; }

    /// <summary>The GitHub organisation; null means githubOrganization, and without it GitHub is not compared.</summary>
    public string? Organization { get; init; }

    /// <summary>Which names to report (the -Name wildcards); null reports all.</summary>
    public Func<string, bool>? NameFilter { get; init; }

    /// <summary>Names asked for without wildcards, reported even when found nowhere.</summary>
    public IReadOnlyList<string> RequestedNames { get; init; } = [];

    /// <summary>Token for ESC instead of PULUMI_ACCESS_TOKEN.</summary>
    public SecureString? EscToken { get; init; }

    /// <summary>Token for GitHub instead of GITHUB_TOKEN.</summary>
    public SecureString? GitHubToken { get; init; }

    /// <summary>With -MaxAge: values last changed before this time are reported as due for rotation; null: not checked.</summary>
    public DateTimeOffset? AgeCutoff { get; init; }
}
