using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Octokit;
using Polly;
using Polly.Retry;
using SecretSync.Core.Credentials;
using SecretSync.Core.Http;

namespace SecretSync.Core.GitHub;

/// <summary>
/// Octokit has no retry of its own: this retries GitHub calls on 429, 5xx, dropped connections and primary or
/// secondary rate limits, waiting what Retry-After or x-ratelimit-reset asks (bounded by <see cref="RetryingHttpClient.MaxWait"/>).
/// </summary>
public sealed class GitHubRetry
{
    private readonly ResiliencePipeline _pipeline;

    public GitHubRetry(ISyncReporter reporter, int maxRetries = 4, TimeSpan? baseDelay = null)
    {
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = RetryingHttpClient.MaxWait,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e && IsTransient(e) && !(RequestedWait(e) > RetryingHttpClient.MaxWait)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is { } e ? RequestedWait(e) : null),
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
    /// Runs <paramref name="call"/> with retries; what still fails becomes a SecretSync exception naming
    /// <paramref name="endpoint"/> and <paramref name="what"/> (e.g. "organisation acme's Actions secrets").
    /// </summary>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, ServiceEndpoint endpoint, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw GitHubErrors.Translate(e, endpoint, what);
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException => true,
        ApiException api => (int)api.StatusCode == 429 || (int)api.StatusCode >= 500,
        HttpRequestException => true,
        _ => false,
    };

    private static TimeSpan? RequestedWait(Exception e)
    {
        switch (e)
        {
            case AbuseException { RetryAfterSeconds: { } seconds }:
                return TimeSpan.FromSeconds(seconds);
            case RateLimitExceededException limit:
                var untilReset = limit.Reset - DateTimeOffset.UtcNow;
                return untilReset > TimeSpan.Zero ? untilReset : TimeSpan.Zero;
            case ApiException { HttpResponse: { } response }:
                var retryAfter = Header(response.Headers, "Retry-After");
                if (int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var delta))
                {
                    return TimeSpan.FromSeconds(delta);
                }

                // Secondary limits without Retry-After: GitHub asks for at least a minute (reference §4).
                return e is SecondaryRateLimitExceededException ? TimeSpan.FromSeconds(60) : null;
            default:
                return null;
        }
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Describe(Exception? e) => e is ApiException api ? $"{(int)api.StatusCode} {e.GetType().Name}" : e?.GetType().Name ?? "failure";
}
