namespace SecretSync.Emulator.Http;

/// <summary>GitHub's x-ratelimit-* headers over hourly windows (informational: the emulator never enforces them).</summary>
internal sealed class RateLimitCounter
{
    private const int Limit = 5000;
    private readonly TimeProvider _clock;
    private long _windowEnd;
    private int _used;

    public RateLimitCounter(TimeProvider clock)
    {
        _clock = clock;
        _windowEnd = NextWindowEnd();
    }

    public void Stamp(HttpResponse response)
    {
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var windowEnd = Interlocked.Read(ref _windowEnd);
        if (now >= windowEnd && Interlocked.CompareExchange(ref _windowEnd, NextWindowEnd(), windowEnd) == windowEnd)
        {
            Interlocked.Exchange(ref _used, 0);
        }

        var used = Interlocked.Increment(ref _used);
        var headers = response.Headers;
        headers["x-ratelimit-limit"] = "5000";
        headers["x-ratelimit-remaining"] = Math.Max(0, Limit - used).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = Interlocked.Read(ref _windowEnd).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-resource"] = "core";
    }

    private long NextWindowEnd() => _clock.GetUtcNow().ToUnixTimeSeconds() + 3600;
}
