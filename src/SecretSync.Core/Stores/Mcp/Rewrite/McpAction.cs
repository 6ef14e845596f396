namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>What Update-McpConfig did (or would do) with one finding.</summary>
public enum McpAction
{
    /// <summary>The secret was replaced by a reference.</summary>
    Rewritten,

    /// <summary>The secret would be replaced (-WhatIf); the text was not changed.</summary>
    WouldRewrite,

    /// <summary>Looks like a secret; rewritten only with -IncludeSuspected.</summary>
    Suspected,

    /// <summary>
    /// A suspected secret -IncludeSuspected would have replaced, kept because its value is held nowhere else (not
    /// in ESC, not in the .env files): replacing it would lose the only copy. -Force replaces it anyway.
    /// </summary>
    KeptOnlyCopy,

    /// <summary>The value is already a reference; left alone.</summary>
    AlreadyReference,

    /// <summary>The client expands no references; see the finding's hint.</summary>
    Unsupported,
}
