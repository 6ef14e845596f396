using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace SecretSync.Core.Http;

/// <summary>
/// Sends requests with bounded retries (Polly): exponential backoff with jitter, honouring Retry-After up to
/// <see cref="MaxWait"/>. One HttpClient per process, so connections are pooled across cmdlet calls.
/// </summary>
public sealed class RetryingHttpClient
{
    /// <summary>The longest single wait SecretSync accepts from Retry-After; longer asks fail with a clear error.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private static readonly HttpClient s_http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(100) };

    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _throttledOnly;
    private readonly ISyncReporter _reporter;
    private readonly string _serviceName;

    public RetryingHttpClient(string serviceName, ISyncReporter reporter, int maxRetries = 4, TimeSpan? baseDelay = null)
    {
        _serviceName = serviceName;
        _reporter = reporter;
        var delay = baseDelay ?? TimeSpan.FromMilliseconds(500);
        _idempotent = Build(maxRetries, delay, IsTransient);
        _throttledOnly = Build(maxRetries, delay, IsThrottledWithRetryAfter);
    }

    /// <summary>Sends a request made fresh by <paramref name="createRequest"/> for each attempt.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, RetryMode mode, CancellationToken cancellationToken)
    {
        var pipeline = mode == RetryMode.Idempotent ? _idempotent : _throttledOnly;
        return await pipeline.ExecuteAsync(
            async token =>
            {
                using var request = createRequest();
                return await s_http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(int maxRetries, TimeSpan delay, Func<Outcome<HttpResponseMessage>, bool> shouldRetry) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                Delay = delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = MaxWait,
                ShouldHandle = args => new ValueTask<bool>(shouldRetry(args.Outcome) && WaitIsAcceptable(args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter.Of(response, DateTimeOffset.UtcNow) : null),
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } response ? $"{(int)response.StatusCode} {response.ReasonPhrase}" : args.Outcome.Exception?.GetType().Name;
                    _reporter.Verbose($"{_serviceName}: {why}; retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.#} s");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TaskCanceledException or OperationCanceledException } => false,
        { Result: { } response } => response.StatusCode == (HttpStatusCode)429 || (int)response.StatusCode >= 500,
        _ => false,
    };

    private static bool IsThrottledWithRetryAfter(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
        && (response.StatusCode == (HttpStatusCode)429 || response.StatusCode == HttpStatusCode.ServiceUnavailable)
        && response.Headers.RetryAfter is not null;

    // A service asking for a longer wait than MaxWait gets no retry: the caller reports the throttling instead of hanging.
    private static bool WaitIsAcceptable(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is not { } response || !(RetryAfter.Of(response, DateTimeOffset.UtcNow) > MaxWait);
}
