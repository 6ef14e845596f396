using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>The planned outcome for one secret. Carries no value.</summary>
public sealed class EscPlannedSecret
{
    internal EscPlannedSecret(string name, EscSecretPath path, EscSyncAction action, bool wasOwned)
    {
        Name = name;
        Path = path;
        Action = action;
        WasOwned = wasOwned;
    }

    public string Name { get; }

    public EscSecretPath Path { get; }

    public EscSyncAction Action { get; }

    /// <summary>
    /// True when the ownership record listed the name before this sync. <see cref="EscSyncAction.Updated"/> with
    /// false means a hand-written key is being overwritten: the caller should warn.
    /// </summary>
    public bool WasOwned { get; }

    /// <summary>E.g. <c>Updated LINEAR_API_KEY (linear.linear_api_key)</c>.</summary>
    public override string ToString() => $"{Action} {Name} ({Path}){(WasOwned ? string.Empty : " [not owned]")}";
}
