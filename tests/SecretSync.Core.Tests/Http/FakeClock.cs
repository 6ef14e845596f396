using System.Collections.Concurrent;

namespace SecretSync.Core.Tests.Http;

/// <summary>
/// A clock whose waits end at once: each timer fires immediately and moves the clock on by its due time, so a
/// test sees every wait the code asked for (a 60 s rate-limit wait included) without sleeping.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock on, as time passing between two calls of the code under test.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            Interlocked.Add(ref _ticks, dueTime.Ticks);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
