namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>GitHub took the pushes, but the push ledger in ESC could not record them: they stay pending (unknown) there.</summary>
public sealed class PushNotRecordedException : SecretSyncException
{
    public PushNotRecordedException(string environment, IReadOnlyList<string> names, SecretSyncException innerException)
        : base($"Pushed {string.Join(", ", names)} to GitHub, but the push ledger in ESC environment {environment} could not record it: {innerException.Message} The pushes stand. The next run treats these secrets as unknown and pushes them again; run Set-SophiaSecret again once ESC can be written.", innerException)
    {
        Names = names;
    }

    /// <summary>The catalog names pushed but not recorded.</summary>
    public IReadOnlyList<string> Names { get; }
}
