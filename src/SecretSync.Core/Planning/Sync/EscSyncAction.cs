namespace SecretSync.Core.Planning.Sync;

/// <summary>What a sync does to one secret in an ESC environment.</summary>
public enum EscSyncAction
{
    /// <summary>Neither the value key nor the environment variable existed.</summary>
    Added,

    /// <summary>Something existed at the path or variable name and is overwritten.</summary>
    Updated,

    /// <summary>Same secret value at the path and the variable references it: nothing to write.</summary>
    Unchanged,

    /// <summary>Written by SecretSync earlier, no longer in the input, and -Prune was given.</summary>
    Removed,
}
