namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// What the push ledger knows of the last push of one organisation secret. Nothing in it is derived from a value
/// that is not readable in the ESC environment holding the ledger: a push of ESC's own value names the ESC path,
/// revision and <see cref="EscValueIdentities">identity</see> it came from; any other push records only when it
/// happened.
/// </summary>
public sealed class GitHubPushRecord
{
    public GitHubPushRecord(DateTimeOffset pushedAt, DateTimeOffset? updatedAt, string? escPath, long? escRevision, string? escIdentity)
    {
        PushedAt = pushedAt;
        UpdatedAt = updatedAt;
        EscPath = escPath;
        EscRevision = escRevision;
        EscIdentity = escIdentity;
    }

    /// <summary>When SecretSync pushed (or, while <see cref="IsPending"/>, started to push).</summary>
    public DateTimeOffset PushedAt { get; }

    /// <summary>GitHub's updated_at after the push; null while the push is not recorded as done.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>The ESC path whose value was pushed, when the value was ESC's.</summary>
    public string? EscPath { get; }

    /// <summary>The ESC revision that value was read at.</summary>
    public long? EscRevision { get; }

    /// <summary>The identity of that value in the definition; null when the value pushed was not ESC's.</summary>
    public string? EscIdentity { get; }

    /// <summary>
    /// True when a push was started but its end was never recorded (the ledger write after it failed): what GitHub
    /// holds is unknown, so the next run pushes again and nobody is told GitHub changed behind SecretSync's back.
    /// </summary>
    public bool IsPending => UpdatedAt is null;

    /// <summary>True when GitHub was given the value ESC held at <see cref="EscPath"/> in <see cref="EscRevision"/>.</summary>
    public bool IsFromEsc => EscIdentity is not null;

    /// <summary>A push that started at <paramref name="pushedAt"/> and has not been recorded as done.</summary>
    public static GitHubPushRecord Pending(DateTimeOffset pushedAt) => new(pushedAt, null, null, null, null);

    /// <inheritdoc/>
    public override string ToString() => IsPending ? $"pending since {PushedAt:u}" : $"pushed {PushedAt:u}{(IsFromEsc ? " from " + EscPath + "@" + EscRevision : string.Empty)}";
}
