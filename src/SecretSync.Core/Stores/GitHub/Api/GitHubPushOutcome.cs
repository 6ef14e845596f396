namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>What happened to one secret of a push: an action, or the failure that stopped it (the others went on).</summary>
public sealed class GitHubPushOutcome
{
    public GitHubPushOutcome(GitHubPushRequest request, string action, DateTimeOffset? updatedAt, bool changedInGitHub, SecretSyncException? error)
    {
        Request = request;
        Action = action;
        UpdatedAt = updatedAt;
        ChangedInGitHub = changedInGitHub;
        Error = error;
    }

    public GitHubPushRequest Request { get; }

    /// <summary>Created, Updated, Unchanged, WouldCreate, WouldUpdate, or Failed.</summary>
    public string Action { get; }

    /// <summary>GitHub's updated_at after the push (or as it is, when unchanged).</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>True when the secret changed in GitHub after SecretSync last pushed it.</summary>
    public bool ChangedInGitHub { get; }

    /// <summary>Why the secret failed, when <see cref="Action"/> is Failed.</summary>
    public SecretSyncException? Error { get; }

    /// <summary>
    /// For a secret written to GitHub: true when the push ledger recorded it, false when the ledger write failed
    /// (<see cref="NotRecordedBecause"/>; the next run treats the secret as unknown and pushes it again), null when
    /// there is no ledger or nothing was written.
    /// </summary>
    public bool? Recorded { get; private set; }

    /// <summary>Why the ledger could not record the push, when <see cref="Recorded"/> is false.</summary>
    public SecretSyncException? NotRecordedBecause { get; private set; }

    /// <summary>True when GitHub was written (Created or Updated).</summary>
    public bool WasWritten => Action is "Created" or "Updated";

    /// <summary>Notes whether the ledger recorded this push.</summary>
    public void SetRecorded(bool recorded, SecretSyncException? because)
    {
        Recorded = recorded;
        NotRecordedBecause = because;
    }
}
