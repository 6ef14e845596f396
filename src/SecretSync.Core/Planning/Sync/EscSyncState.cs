using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>What a sync found and plans: the definition it read (null when the environment does not exist) and the plan.</summary>
public sealed class EscSyncState
{
    public EscSyncState(EnvironmentRef environment, EscDefinition? definition, EscSyncPlan plan)
    {
        Environment = environment;
        Definition = definition;
        Plan = plan;
    }

    public EnvironmentRef Environment { get; }

    /// <summary>The definition the plan was made on; null when the environment does not exist yet.</summary>
    public EscDefinition? Definition { get; }

    public EscSyncPlan Plan { get; }

    /// <summary>False when the environment must be created first.</summary>
    public bool Exists => Definition is not null;

    /// <summary>The revision the plan was made on (0 when the environment does not exist).</summary>
    public long Revision => Definition?.Revision ?? 0;
}
