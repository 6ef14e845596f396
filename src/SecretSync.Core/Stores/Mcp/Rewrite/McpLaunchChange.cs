namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>One server handled by Update-McpConfig -Launch (PSTypeName <c>SecretSync.McpLaunchChange</c>).</summary>
public sealed class McpLaunchChange
{
    internal McpLaunchChange(string file, string server, McpLaunchAction action, string? environment, int line, string? hint = null)
    {
        File = file;
        Server = server;
        ActionKind = action;
        Environment = environment;
        Line = line;
        Hint = hint;
    }

    /// <summary>The config file.</summary>
    public string File { get; }

    /// <summary>The server's name.</summary>
    public string Server { get; }

    /// <summary>What was done: an <see cref="McpLaunchAction"/> name (text, so that ConvertTo-Json writes the name).</summary>
    public string Action => ActionKind.ToString();

    internal McpLaunchAction ActionKind { get; set; }

    /// <summary>The ESC environment the server is launched with, when it is wrapped.</summary>
    public string? Environment { get; }

    /// <summary>1-based line of the server's command.</summary>
    public int Line { get; }

    /// <summary>What to do next, when there is something to say.</summary>
    public string? Hint { get; }

    /// <summary>For a change planned but not written (-WhatIf, a declined -Confirm): Wrapped becomes WouldWrap, Unwrapped WouldUnwrap.</summary>
    public void MarkNotApplied() => ActionKind = ActionKind switch
    {
        McpLaunchAction.Wrapped => McpLaunchAction.WouldWrap,
        McpLaunchAction.Unwrapped => McpLaunchAction.WouldUnwrap,
        _ => ActionKind,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line} {Server}: {Action}";
}
