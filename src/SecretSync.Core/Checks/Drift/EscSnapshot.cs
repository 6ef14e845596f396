using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// What one ESC open gave: the secrets, the revision opened, when it was written, and the push ledger; with -MaxAge
/// also the secrets unchanged since the newest revision before the cut-off, each with that revision's time.
/// </summary>
internal sealed record EscSnapshot(List<SecretRecord> Records, long? Revision, DateTimeOffset? Created, GitHubPushLedger? PushLedger, IReadOnlyDictionary<string, DateTimeOffset>? UnchangedSince = null);
