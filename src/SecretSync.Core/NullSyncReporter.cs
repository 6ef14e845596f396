namespace SecretSync.Core;

/// <summary>A reporter that discards everything: for tests and callers that do not care.</summary>
public sealed class NullSyncReporter : ISyncReporter
{
    public static readonly NullSyncReporter Instance = new();

    private NullSyncReporter()
    {
    }

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Progress(string activity, string status, int percentComplete, bool completed = false)
    {
    }
}
