namespace SecretSync.Emulator.Testing;

/// <summary>
/// The emulator's time: the host's clock (a test's manual clock when run in-process) plus an offset that tests set
/// through POST /_emulator/clock. A test makes "ten days ago" or "a minute later" by moving it, never by sleeping, so
/// what it checks does not depend on how fast a loaded machine runs. Waits (latency, delayed faults) run on the host's
/// clock.
/// </summary>
internal sealed class EmulatorClock : TimeProvider
{
    private readonly TimeProvider _host;
    private long _offsetTicks;

    public EmulatorClock(TimeProvider? host = null)
    {
        _host = host ?? System;
    }

    /// <summary>How far the emulator's time is ahead of (positive) or behind (negative) the host's.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _host.GetUtcNow() + Offset;

    /// <inheritdoc/>
    public override long GetTimestamp() => _host.GetTimestamp();

    /// <inheritdoc/>
    public override long TimestampFrequency => _host.TimestampFrequency;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _host.CreateTimer(callback, state, dueTime, period);
}
