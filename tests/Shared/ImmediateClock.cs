using System.Collections.Concurrent;

namespace SecretSync.Tests.Shared;

/// <summary>
/// Time that moves only when a test moves it: <see cref="Advance"/>, or a wait, which ends at once, is recorded in
/// <see cref="Waits"/> and moves the clock on by its length. A test sees every wait the code asked for (a 60 s
/// rate-limit wait included) without sleeping, and what it checks never depends on how fast a loaded machine runs.
/// Linked into both test projects (Core's and the emulator's): one fake clock, not two.
/// </summary>
internal sealed class ImmediateClock : TimeProvider
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
            Advance(dueTime);
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

        public ValueTask DisposeAsync() => default;
    }
}
