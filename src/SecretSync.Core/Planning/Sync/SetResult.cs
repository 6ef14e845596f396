namespace SecretSync.Core.Planning.Sync;

/// <summary>What Set-SophiaSecret did to one secret in one target. Carries no value.</summary>
public sealed class SetResult
{
    public SetResult(string name, string target, string destination, string action, DateTimeOffset? updatedAt)
    {
        Name = name;
        Target = target;
        Destination = destination;
        Action = action;
        UpdatedAt = updatedAt;
    }

    /// <summary>The catalog name.</summary>
    public string Name { get; }

    /// <summary>Esc or GitHubOrg.</summary>
    public string Target { get; }

    /// <summary>The ESC environment or the GitHub organisation written.</summary>
    public string Destination { get; }

    /// <summary>Created, Updated, Unchanged, WouldCreate or WouldUpdate.</summary>
    public string Action { get; }

    /// <summary>When the target last changed the secret (GitHub's updated_at), where known.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>
    /// For a GitHub write: whether the push ledger in ESC recorded it (false: pushed, not recorded; the next run
    /// pushes it again). Null when there is no ledger or nothing was written.
    /// </summary>
    public bool? Recorded { get; init; }

    /// <summary>The result for one secret of an ESC write (Added is Created; nothing written means Would...).</summary>
    public static SetResult FromEsc(EscPlannedSecret secret, string environment, bool written) =>
        new(secret.Name, "Esc", environment, secret.Action switch
        {
            EscSyncAction.Added => written ? "Created" : "WouldCreate",
            EscSyncAction.Updated => written ? "Updated" : "WouldUpdate",
            _ => "Unchanged",
        }, null);

    /// <inheritdoc/>
    public override string ToString() => $"{Action} {Name} in {Destination}";
}
