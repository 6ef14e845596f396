namespace SecretSync.Core.Tests.Collectors;

/// <summary>Keeps what Core reports, for assertions on verbose and warning messages.</summary>
internal sealed class RecordingReporter : ISyncReporter
{
    public List<string> Verboses { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Verbose(string message) => Verboses.Add(message);

    public void Debug(string message)
    {
    }

    public void Warning(string message) => Warnings.Add(message);

    public void Progress(string activity, string status, int percentComplete, bool completed = false)
    {
    }
}
