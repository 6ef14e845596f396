namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Keeps content-creating requests inside GitHub's secondary limits (documented: 80 a minute, 500 an hour) with
/// sliding windows, so a bulk rotation slows down instead of being throttled half-way.
/// </summary>
public sealed class GitHubWritePacer
{
    private readonly int _perMinute;
    private readonly int _perHour;
    private readonly TimeProvider _clock;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="perMinute">Writes allowed in any minute.</param>
    /// <param name="perHour">Writes allowed in any hour.</param>
    /// <param name="clock">Time for the windows and the waits; tests pass a fake so a full window takes no time.</param>
    public GitHubWritePacer(int perMinute, int perHour, TimeProvider? clock = null)
    {
        _perMinute = perMinute > 0 ? perMinute : throw new ArgumentOutOfRangeException(nameof(perMinute));
        _perHour = perHour > 0 ? perHour : throw new ArgumentOutOfRangeException(nameof(perHour));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Waits until one more write fits both windows, then counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var delay = DelayNeeded(_clock.GetUtcNow());
                if (delay <= TimeSpan.Zero)
                {
                    _recent.Enqueue(_clock.GetUtcNow());
                    return;
                }

                await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How long until the next write fits (zero when it fits now).</summary>
    internal TimeSpan DelayNeeded(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromHours(1))
        {
            _recent.Dequeue();
        }

        var delay = TimeSpan.Zero;
        if (_recent.Count >= _perHour)
        {
            delay = Max(delay, _recent.Peek() + TimeSpan.FromHours(1) - now);
        }

        var inLastMinute = 0;
        DateTimeOffset? oldestInMinute = null;
        foreach (var at in _recent)
        {
            if (now - at < TimeSpan.FromMinutes(1))
            {
                inLastMinute++;
                oldestInMinute ??= at;
            }
        }

        if (inLastMinute >= _perMinute && oldestInMinute is { } oldest)
        {
            delay = Max(delay, oldest + TimeSpan.FromMinutes(1) - now);
        }

        return delay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
