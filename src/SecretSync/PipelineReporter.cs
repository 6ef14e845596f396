using SecretSync.Core;

namespace SecretSync;

/// <summary>
/// Writes what Core reports straight through the cmdlet, for synchronous Core work done on the pipeline thread
/// (pure text transformations like the MCP rewrite). <see cref="QueuedReporter"/> is for work that runs elsewhere;
/// its hand-off costs a thread hop and up to one polling interval per call, which a 100 ms rewrite can't afford.
/// </summary>
internal sealed class PipelineReporter : ISyncReporter
{
    private readonly Cmdlet _cmdlet;

    public PipelineReporter(Cmdlet cmdlet) => _cmdlet = cmdlet;

    public void Verbose(string message) => _cmdlet.WriteVerbose(message);

    public void Debug(string message) => _cmdlet.WriteDebug(message);

    public void Warning(string message) => _cmdlet.WriteWarning(message);

    public void Progress(string activity, string status, int percentComplete, bool completed = false) =>
        _cmdlet.WriteProgress(new ProgressRecord(1, activity, status)
        {
            PercentComplete = System.Math.Min(100, percentComplete),
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
}
