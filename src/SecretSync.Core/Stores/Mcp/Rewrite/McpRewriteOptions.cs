using SecretSync.Core.Stores.Mcp.Detection;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>How <see cref="McpConfigRewriter"/> rewrites (the switches of Update-McpConfig).</summary>
public sealed class McpRewriteOptions
{
    /// <summary>Forces a reference form; null takes the client's own (and leaves Claude Desktop and Zed Unsupported).</summary>
    public McpReferenceSyntax? Syntax { get; set; }

    /// <summary>Also rewrite Suspected secrets (prefix, entropy, key name), not only known values.</summary>
    public bool IncludeSuspected { get; set; }

    /// <summary>
    /// Where a value must already be for a suspected secret to be replaced (e.g. "ESC environment acme/default/prod
    /// or .env"); the known values then include everything found there, so a suspected secret is one held nowhere
    /// else and is kept (KeptOnlyCopy). Null replaces suspected secrets without that check (-Force).
    /// </summary>
    public string? OnlyCopyCheckedIn { get; set; }

    /// <summary>
    /// Tells whether an environment variable is set (process or user env); null skips the "referenced variable is
    /// unset" warnings. Injected so Core stays pure.
    /// </summary>
    public Func<string, bool>? IsVariableSet { get; set; }

    /// <summary>Detection thresholds.</summary>
    public McpDetectionOptions Detection { get; set; } = McpDetectionOptions.Default;
}
