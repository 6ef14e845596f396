using Octokit;
using Polly;
using Polly.Retry;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Octokit has no retry of its own: this retries GitHub calls on 429, 5xx, dropped connections and primary or
/// secondary rate limits, waiting what GitHub asks ("Rate limits for the REST API"): Retry-After when sent; else,
/// with x-ratelimit-remaining 0, until x-ratelimit-reset; else, for a secondary limit, at least a minute. A wait
/// longer than <see cref="RetryingHttpClient.MaxWait"/> is not made: the call fails saying until when to wait.
/// </summary>
internal sealed class GitHubRetry
{
    /// <summary>GitHub's guidance for a secondary limit without Retry-After: wait at least one minute.</summary>
    public static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromSeconds(60);

    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _clock;

    /// <param name="reporter">Where retries are reported (verbose).</param>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="baseDelay">First backoff delay when GitHub asks for no particular wait.</param>
    /// <param name="clock">Time for waits and reset times; tests pass a fake so a 60 s wait takes no time.</param>
    public GitHubRetry(ISyncReporter reporter, int maxRetries = 4, TimeSpan? baseDelay = null, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = _clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = RetryingHttpClient.MaxWait,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e && IsTransient(e) && !(RequestedWait(e, args.AttemptNumber) > RetryingHttpClient.MaxWait)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is { } e ? RequestedWait(e, args.AttemptNumber) : null),
                OnRetry = args =>
                {
                    reporter.Verbose($"GitHub: {Describe(args.Outcome.Exception)}; retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.#} s");
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Runs <paramref name="call"/> with retries.</summary>
    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(token => new ValueTask<T>(call(token)), cancellationToken).AsTask();

    /// <summary>
    /// Runs <paramref name="call"/> with retries; what still fails, and a reply of the wrong shape, becomes a
    /// SecretSync exception naming <paramref name="endpoint"/> and <paramref name="what"/> (e.g. "organisation
    /// acme's Actions secrets"), with the server's text redacted.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, ServiceEndpoint endpoint, string what, CancellationToken cancellationToken)
    {
        var attempts = 0;
        T result;
        try
        {
            result = await ExecuteAsync(
                token =>
                {
                    attempts++;
                    return call(token);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw GitHubErrors.Translate(e, endpoint, what, attempts, _clock.GetUtcNow());
        }
        catch (Exception e) when (GitHubReplyShape.IsDeserializationFailure(e))
        {
            throw ServiceReply.Unexpected((System.Net.HttpStatusCode?)null, endpoint, what, "JSON that is cut short, malformed or of another shape", "the documented JSON", e);
        }

        if (GitHubReplyShape.Problem(result) is { } problem)
        {
            throw ServiceReply.Unexpected((System.Net.HttpStatusCode?)null, endpoint, what, $"JSON of another shape ({problem})", "the documented JSON");
        }

        return result;
    }

    private static bool IsTransient(Exception e) => e switch
    {
        UnsafeRedirectException or UnreadableReplyException => false,
        _ when GitHubRateLimit.IsRateLimit(e) => true,
        ApiException api => (int)api.StatusCode >= 500,
        HttpRequestException => true,
        _ => false,
    };

    private TimeSpan? RequestedWait(Exception e, int retry)
    {
        if (e is not ApiException api)
        {
            return null;
        }

        if (e is AbuseException { RetryAfterSeconds: { } abuseSeconds })
        {
            return TimeSpan.FromSeconds(abuseSeconds);
        }

        if (int.TryParse(GitHubRateLimit.Header(api, "Retry-After"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (GitHubRateLimit.ResetOf(e) is { } reset)
        {
            var untilReset = reset - _clock.GetUtcNow();
            return untilReset > TimeSpan.Zero ? untilReset : TimeSpan.Zero;
        }

        // Secondary limits without headers: at least a minute, then exponentially longer (so the second one
        // already exceeds MaxWait and the call stops instead of hammering).
        return GitHubRateLimit.IsSecondary(e) ? TimeSpan.FromTicks(SecondaryLimitWait.Ticks << Math.Min(retry, 10)) : null;
    }

    private static string Describe(Exception? e) => e is ApiException api ? $"{(int)api.StatusCode} {e.GetType().Name}" : e?.GetType().Name ?? "failure";
}
