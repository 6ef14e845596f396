namespace SecretSync.Core.Plumbing.Http;

/// <summary>Reads how long a service asks us to wait: Retry-After (seconds or a date), else GitHub's x-ratelimit-reset when nothing remains.</summary>
internal static class RetryAfter
{
    /// <summary>The wait the response asks for, or null when it asks for none.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        if (ResponseHeaders.First(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(ResponseHeaders.First(response, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            var resetAt = DateTimeOffset.FromUnixTimeSeconds(reset);
            return resetAt > now ? resetAt - now : TimeSpan.Zero;
        }

        return null;
    }
}
