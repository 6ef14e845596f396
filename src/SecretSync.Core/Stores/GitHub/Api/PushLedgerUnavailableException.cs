namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>The push ledger could not note the pushes about to start, so none was made (an unrecorded push would look like a change made in GitHub).</summary>
public sealed class PushLedgerUnavailableException : SecretSyncException
{
    public PushLedgerUnavailableException(string environment, SecretSyncException innerException)
        : base($"Nothing was pushed to GitHub: the push ledger in ESC environment {environment} could not be written ({innerException.Message}). Check that the Pulumi token may write {environment} (the ledger is kept there), then run again.", innerException)
    {
    }
}
