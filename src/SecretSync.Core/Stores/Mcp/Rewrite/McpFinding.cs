using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>
/// One result of Update-McpConfig (PSTypeName <c>SecretSync.McpFinding</c>): where a secret or reference sits, the
/// name and reference chosen, and what was done. Never holds a value.
/// </summary>
public sealed class McpFinding
{
    /// <summary>The config file.</summary>
    public string File { get; internal set; } = string.Empty;

    /// <summary>The client whose dialect applies: an <see cref="McpClient"/> name (text, so that ConvertTo-Json writes the name: it reads .NET properties and writes enums as numbers).</summary>
    public string Client => ClientKind.ToString();

    internal McpClient ClientKind { get; set; }

    /// <summary>The server's name.</summary>
    public string Server { get; internal set; } = string.Empty;

    /// <summary>JSON Pointer of the string holding the secret.</summary>
    public string JsonPointer { get; internal set; } = string.Empty;

    /// <summary>The variable (or VS Code input id) the reference names.</summary>
    public string? Name { get; internal set; }

    /// <summary>The reference written, that would be written, or that already stands there.</summary>
    public string? Reference { get; internal set; }

    /// <summary>Why the string was taken for a secret, an <see cref="McpMatchKind"/> name; null for an existing reference.</summary>
    public string? MatchKind => Match?.ToString();

    /// <summary>What was done: an <see cref="McpAction"/> name.</summary>
    public string Action => ActionKind.ToString();

    internal McpMatchKind? Match { get; set; }

    internal McpAction ActionKind { get; set; }

    /// <summary>1-based line of the secret (in the original text).</summary>
    public int Line { get; internal set; }

    /// <summary>1-based column of the secret (in the original text).</summary>
    public int Column { get; internal set; }

    /// <summary>What to do next, when there is something to say.</summary>
    public string? Hint { get; internal set; }

    /// <summary>For a rewrite planned but not written (-WhatIf, a declined -Confirm): Rewritten becomes WouldRewrite.</summary>
    public void MarkNotApplied()
    {
        if (ActionKind == McpAction.Rewritten)
        {
            ActionKind = McpAction.WouldRewrite;
        }
    }

    /// <summary>Names place, name and action; never the value.</summary>
    public override string ToString() => $"{File}:{Line}:{Column} {Server} {JsonPointer}: {Action} {Name}";
}
