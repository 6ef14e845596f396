namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>Tells the MCP client from a config file's place and name (the <c>-Client Auto</c> rule).</summary>
internal static class McpClientDetector
{
    /// <summary>
    /// <c>.cursor/mcp.json</c> → Cursor; <c>.vscode/mcp.json</c> and <c>Code/User/mcp.json</c> → VSCode;
    /// <c>.mcp.json</c>, <c>.claude.json</c> → ClaudeCode; <c>.codeium/windsurf/mcp_config.json</c> (and the JetBrains
    /// plugin's <c>.codeium/mcp_config.json</c>) → Windsurf; <c>claude_desktop_config.json</c> → ClaudeDesktop;
    /// <c>settings.json</c> under <c>.zed</c> or <c>zed</c> → Zed; anything else → Generic.
    /// </summary>
    public static McpClient FromPath(string path)
    {
        var parts = (path ?? throw new ArgumentNullException(nameof(path)))
            .Replace('\\', '/')
            .Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var name = Part(parts, 0);
        var parent = Part(parts, 1);
        var grandparent = Part(parts, 2);
        return name.ToLowerInvariant() switch
        {
            ".mcp.json" or ".claude.json" => McpClient.ClaudeCode,
            "claude_desktop_config.json" => McpClient.ClaudeDesktop,
            "mcp.json" when Is(parent, ".cursor") => McpClient.Cursor,
            "mcp.json" when Is(parent, ".vscode") => McpClient.VSCode,
            "mcp.json" when Is(parent, "User") && grandparent.StartsWith("Code", StringComparison.OrdinalIgnoreCase) => McpClient.VSCode,
            "mcp_config.json" when Is(parent, ".codeium") || (Is(parent, "windsurf") && Is(grandparent, ".codeium")) => McpClient.Windsurf,
            "settings.json" when Is(parent, ".zed") || Is(parent, "zed") => McpClient.Zed,
            _ => McpClient.Generic,
        };
    }

    /// <summary>Returns <paramref name="client"/> unless it is Auto, in which case the path decides.</summary>
    public static McpClient Resolve(McpClient client, string path) => client == McpClient.Auto ? FromPath(path) : client;

    private static string Part(string[] parts, int fromEnd) =>
        parts.Length > fromEnd ? parts[parts.Length - 1 - fromEnd] : string.Empty;

    private static bool Is(string part, string expected) => string.Equals(part, expected, StringComparison.OrdinalIgnoreCase);
}
