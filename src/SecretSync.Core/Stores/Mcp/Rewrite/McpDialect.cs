using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>Which reference form each client expands (reference §4.2) and how to write it.</summary>
internal static class McpDialect
{
    /// <summary>The form to write, or null when the client expands none and no -Syntax was given.</summary>
    public static McpReferenceSyntax? SyntaxFor(McpClient client, McpReferenceSyntax? requested) => requested ?? client switch
    {
        McpClient.Generic or McpClient.ClaudeCode => McpReferenceSyntax.Bare,
        McpClient.Cursor or McpClient.Windsurf or McpClient.VSCode => McpReferenceSyntax.Env,
        _ => null,
    };

    /// <summary>Why nothing can be written, or null when <paramref name="syntax"/> works for <paramref name="client"/>.</summary>
    public static string? UnsupportedHint(McpClient client, McpReferenceSyntax? syntax) => syntax switch
    {
        null => $"{client} expands no variables in its config, so a reference would reach the server as literal text. "
            + "Start the server through a wrapper that injects the secret (e.g. 'esc run <org/project/env> -- <command>'), "
            + "or pass -Syntax Bare or Env if your client version expands references.",
        McpReferenceSyntax.Input when client != McpClient.VSCode =>
            "-Syntax Input works only for VS Code (.vscode/mcp.json); use -Syntax Bare or Env.",
        _ => null,
    };

    public static string Format(McpReferenceSyntax syntax, string name) => syntax switch
    {
        McpReferenceSyntax.Env => "${env:" + name + "}",
        McpReferenceSyntax.Input => "${input:" + InputId(name) + "}",
        _ => "${" + name + "}",
    };

    /// <summary>VS Code input ids read like the docs' examples: lower case with dashes.</summary>
    public static string InputId(string name) => name.ToLowerInvariant().Replace('_', '-');
}
