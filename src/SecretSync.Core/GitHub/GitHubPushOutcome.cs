using System;

namespace SecretSync.Core.GitHub;

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
}
