namespace SecretSync.Core.Planning.Sync;

/// <summary>
/// One environment of a multi-environment sync, from plan to outcome: the state planned, whether the caller
/// approved writing it (and creating it), the revision afterwards, or the failure that stopped it (others go on).
/// </summary>
public sealed class EnvironmentSyncRun
{
    public EnvironmentSyncRun(EnvironmentSyncInput input)
    {
        Input = input;
    }

    public EnvironmentSyncInput Input { get; }

    /// <summary>The plan (after the write: the state written), or null when planning failed.</summary>
    public EscSyncState? State { get; internal set; }

    /// <summary>The revision written, or the one planned on when nothing was written.</summary>
    public long Revision { get; internal set; }

    /// <summary>Set by the caller after -WhatIf/-Confirm: write this environment.</summary>
    public bool Approved { get; set; }

    /// <summary>Set by the caller: create the environment when it does not exist.</summary>
    public bool CreateAllowed { get; set; }

    /// <summary>True once its revision was written (or nothing needed writing).</summary>
    public bool Completed { get; internal set; }

    /// <summary>Why this environment failed, or null.</summary>
    public SecretSyncException? Error { get; set; }
}
