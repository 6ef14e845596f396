namespace SecretSync.Core.Planning.Sync;

/// <summary>What a sync did (or, with -WhatIf, would do) to one secret. Carries the name, never the value.</summary>
public sealed class SyncResult
{
    public SyncResult(string name, string escPath, string action, string environment, long revision, SecretRecord? record)
    {
        Name = name;
        EscPath = escPath;
        Action = action;
        Environment = environment;
        Revision = revision;
        Record = record;
    }

    public string Name { get; }

    /// <summary>Path under <c>values</c>.</summary>
    public string EscPath { get; }

    /// <summary>Added, Updated, Unchanged or Removed; Failed when its environment failed (multi-environment sync).</summary>
    public string Action { get; }

    /// <summary>org/project/env.</summary>
    public string Environment { get; }

    /// <summary>The revision written, or the current one when nothing changed (the planned-on one with -WhatIf).</summary>
    public long Revision { get; }

    /// <summary>The target's name in secretsync.json (dev, staging, shared) in a multi-environment sync, else null.</summary>
    public string? Target { get; init; }

    /// <summary>The record name the value came from when it is not <see cref="Name"/> (LINEAR_API_KEY_STAGING), else null.</summary>
    public string? SourceName { get; init; }

    /// <summary>The record the value came from, so Update-McpConfig further down the pipeline can match values; null for removals.</summary>
    public SecretRecord? Record { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Action} {Name}";
}
