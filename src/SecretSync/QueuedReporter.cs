using System.Collections.Concurrent;
using SecretSync.Core;

namespace SecretSync;

/// <summary>
/// Core works on thread-pool threads, but a cmdlet may only write from its pipeline thread. This reporter queues
/// what Core reports and <see cref="PumpUntil"/> writes it on the pipeline thread while the work runs.
/// </summary>
internal sealed class QueuedReporter : ISyncReporter, IDisposable
{
    private readonly BlockingCollection<Action<Cmdlet>> _queue = new();

    public void Verbose(string message) => _queue.Add(c => c.WriteVerbose(message));

    public void Debug(string message) => _queue.Add(c => c.WriteDebug(message));

    public void Warning(string message) => _queue.Add(c => c.WriteWarning(message));

    public void Progress(string activity, string status, int percentComplete, bool completed = false) =>
        _queue.Add(c => c.WriteProgress(new ProgressRecord(Math.Abs(activity.GetHashCode() % 100000), activity, status)
        {
            PercentComplete = Math.Min(100, percentComplete),
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        }));

    /// <summary>Writes queued messages through <paramref name="cmdlet"/> until <paramref name="work"/> ends, then the rest.</summary>
    public void PumpUntil(Task work, Cmdlet cmdlet)
    {
        while (!work.IsCompleted)
        {
            if (_queue.TryTake(out var write, 50))
            {
                write(cmdlet);
            }
        }

        while (_queue.TryTake(out var write))
        {
            write(cmdlet);
        }
    }

    public void Dispose() => _queue.Dispose();
}
