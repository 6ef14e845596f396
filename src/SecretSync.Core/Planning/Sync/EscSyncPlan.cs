using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>The result of <see cref="EscSyncPlanner.Plan"/>: one outcome per secret and the definition to PATCH.</summary>
public sealed class EscSyncPlan
{
    internal EscSyncPlan(IReadOnlyList<EscPlannedSecret> secrets, IReadOnlyList<EscEdit> edits, string? newDefinition)
    {
        Secrets = secrets;
        Edits = edits;
        NewDefinition = newDefinition;
    }

    /// <summary>Outcomes, desired secrets in name order, then removals in name order.</summary>
    public IReadOnlyList<EscPlannedSecret> Secrets { get; }

    /// <summary>The edits the plan applies (for -WhatIf output or tests).</summary>
    public IReadOnlyList<EscEdit> Edits { get; }

    /// <summary>The whole new definition for one PATCH, or null when nothing changes (then send no PATCH).</summary>
    public string? NewDefinition { get; }

    /// <summary>True when a PATCH is needed.</summary>
    public bool HasChanges => NewDefinition is not null;
}
