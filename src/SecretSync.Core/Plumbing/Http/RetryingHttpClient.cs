using Polly;
using Polly.Retry;

namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// Sends requests with bounded retries (Polly): exponential backoff with jitter, honouring Retry-After up to
/// <see cref="MaxWait"/>. One HttpClient per process, so connections are pooled across cmdlet calls. Redirects go
/// through <see cref="SafeRedirectHandler"/>. A request that still fails after its last attempt becomes a
/// <see cref="ServiceException"/> that says what happened and how many attempts were made.
/// </summary>
internal sealed class RetryingHttpClient
{
    /// <summary>The longest single wait SecretSync accepts from Retry-After; longer asks fail with a clear error.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private const string AttemptsKey = "SecretSync.Attempts";

    private static readonly HttpClient s_http = Create(new HttpClientHandler { AllowAutoRedirect = false });

    private readonly ServiceEndpoint _endpoint;
    private readonly string _addressVariable;
    private readonly ISyncReporter _reporter;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _throttledOnly;

    /// <param name="endpoint">The service; its <see cref="ServiceEndpoint.Transport"/> replaces the network in tests.</param>
    /// <param name="addressVariable">The variable that sets the endpoint's address, named in "cannot reach" errors.</param>
    /// <param name="reporter">Where retries are reported (verbose).</param>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="baseDelay">First backoff delay (doubles each retry, with jitter).</param>
    /// <param name="clock">Time for waits and Retry-After dates; tests pass a fake so they never sleep.</param>
    public RetryingHttpClient(ServiceEndpoint endpoint, string addressVariable, ISyncReporter reporter, int maxRetries = 4, TimeSpan? baseDelay = null, TimeProvider? clock = null)
    {
        _endpoint = endpoint;
        _addressVariable = addressVariable;
        _reporter = reporter;
        _clock = clock ?? TimeProvider.System;
        _http = endpoint.Transport is { } transport ? Create(transport()) : s_http;
        var delay = baseDelay ?? TimeSpan.FromMilliseconds(500);
        _idempotent = Build(maxRetries, delay, IsTransient);
        _throttledOnly = Build(maxRetries, delay, IsThrottledWithRetryAfter);
    }

    /// <summary>How many attempts produced <paramref name="response"/> (1 = no retry).</summary>
    public static int AttemptsOf(HttpResponseMessage response) =>
        response.RequestMessage?.Properties.TryGetValue(AttemptsKey, out var attempts) == true && attempts is int n ? n : 1;

    /// <summary>
    /// Sends a request made fresh by <paramref name="createRequest"/> for each attempt. Failures without a response
    /// (dropped connection, timeout, refused redirect) become <see cref="ServiceException"/>s here.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, RetryMode mode, CancellationToken cancellationToken)
    {
        var pipeline = mode == RetryMode.ThrottledOnly ? _throttledOnly : _idempotent;
        var attempts = 0;
        HttpMethod? method = null;
        string? path = null;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = createRequest();
                    request.Properties[AttemptsKey] = ++attempts;
                    (method, path) = (request.Method, request.RequestUri?.AbsolutePath);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw TransportFailure.Describe(_endpoint, _addressVariable, $"{method} {path}", attempts, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnavailableException(_endpoint.ServiceName, _endpoint.Host, null, $"{_endpoint} did not answer {method} {path} in time ({Attempts(attempts)}).", e);
        }
    }

    /// <summary>"1 attempt, not retried" or "3 attempts", for messages.</summary>
    public static string Attempts(int attempts) => attempts <= 1 ? "1 attempt, not retried" : $"{attempts} attempts";

    private static HttpClient Create(HttpMessageHandler transport) =>
        new(new SafeRedirectHandler(transport)) { Timeout = TimeSpan.FromSeconds(100) };

    private ResiliencePipeline<HttpResponseMessage> Build(int maxRetries, TimeSpan delay, Func<Outcome<HttpResponseMessage>, bool> shouldRetry) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                Delay = delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = MaxWait,
                ShouldHandle = args => new ValueTask<bool>(shouldRetry(args.Outcome) && WaitIsAcceptable(args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter.Of(response, _clock.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    // The status number only: a reason phrase is server text.
                    var why = args.Outcome.Result is { } response ? $"answered {(int)response.StatusCode}" : "the connection failed";
                    _reporter.Verbose($"{_endpoint}: {why}; retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.#} s");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: UnsafeRedirectException } => false,
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
    private bool WaitIsAcceptable(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is not { } response || !(RetryAfter.Of(response, _clock.GetUtcNow()) > MaxWait);
}
