namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>What Update-McpConfig -Launch did (or would do) with one server.</summary>
internal enum McpLaunchAction
{
    /// <summary>The server now starts through Invoke-SophiaCommand.</summary>
    Wrapped,

    /// <summary>It would (-WhatIf).</summary>
    WouldWrap,

    /// <summary>It started through Invoke-SophiaCommand already; left alone.</summary>
    AlreadyWrapped,

    /// <summary>It starts its own command again.</summary>
    Unwrapped,

    /// <summary>It would (-WhatIf).</summary>
    WouldUnwrap,

    /// <summary>Its args are not an array of strings, so it cannot be changed safely; see the hint.</summary>
    Skipped,
}
