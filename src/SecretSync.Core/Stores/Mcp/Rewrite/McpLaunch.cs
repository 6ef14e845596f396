namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>How an MCP client starts a stdio server (Update-McpConfig -Launch).</summary>
public enum McpLaunch
{
    /// <summary>The server's own command: undoes <see cref="SecretSync"/>.</summary>
    Direct,

    /// <summary>pwsh running Invoke-SophiaCommand with the server's command, so the server gets the ESC environment's variables.</summary>
    SecretSync,
}
