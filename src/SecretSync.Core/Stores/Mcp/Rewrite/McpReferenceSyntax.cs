namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>The reference form written in place of a secret (overrides the client's default dialect).</summary>
public enum McpReferenceSyntax
{
    /// <summary><c>${NAME}</c> (Claude Code, generic configs).</summary>
    Bare,

    /// <summary><c>${env:NAME}</c> (Cursor, Windsurf, VS Code).</summary>
    Env,

    /// <summary><c>${input:id}</c> plus an <c>inputs</c> entry (VS Code only).</summary>
    Input,
}
