namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>An MCP client whose config format and reference dialect SecretSync knows.</summary>
public enum McpClient
{
    /// <summary>Tell the client from the file's place and name (<see cref="McpClientDetector.FromPath"/>).</summary>
    Auto,

    /// <summary>Any other file, e.g. the seed's <c>mcp_config.json</c>: <c>${NAME}</c>.</summary>
    Generic,

    /// <summary><c>.mcp.json</c> and <c>~/.claude.json</c>: <c>${NAME}</c>.</summary>
    ClaudeCode,

    /// <summary><c>claude_desktop_config.json</c>: expands nothing.</summary>
    ClaudeDesktop,

    /// <summary><c>.cursor/mcp.json</c>: <c>${env:NAME}</c>.</summary>
    Cursor,

    /// <summary><c>.vscode/mcp.json</c> or the profile <c>mcp.json</c>: <c>${env:NAME}</c> or <c>${input:id}</c>.</summary>
    VSCode,

    /// <summary><c>~/.codeium/windsurf/mcp_config.json</c>: <c>${env:NAME}</c>.</summary>
    Windsurf,

    /// <summary>Zed's <c>settings.json</c> (<c>context_servers</c>): expands nothing.</summary>
    Zed,
}
