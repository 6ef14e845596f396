using System.Net.Sockets;
using SecretSync.Core.Tests.Collectors;

namespace SecretSync.Core.Tests.Http;

/// <summary>Which answers are retried in which mode, how long each wait is, and what is left after the last attempt.</summary>
public sealed class RetryingHttpClientTests
{
    private const string Token = "tok-0123456789";
    private readonly ImmediateClock _clock = new();
    private readonly RecordingReporter _reporter = new();

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Idempotent_WithTransientStatusOnce_ShouldRetryAndReturnTheSecondAnswer(int status)
    {
        var service = FakeService.Sequence(FakeService.Json("{}", (HttpStatusCode)status), FakeService.Json("""{"ok":true}"""));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, service.Seen.Count);
        Assert.Equal(2, RetryingHttpClient.AttemptsOf(response));
        Assert.Single(_clock.Waits);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(422)]
    public async Task Idempotent_WithClientError_ShouldNotRetry(int status)
    {
        var service = new FakeService(_ => FakeService.Json("{}", (HttpStatusCode)status));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Single(service.Seen);
        Assert.Equal(1, RetryingHttpClient.AttemptsOf(response));
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Idempotent_WithServerErrorEachTime_ShouldGiveUpAfterTheBoundWithTheLastAnswer()
    {
        var service = new FakeService(_ => FakeService.Json("{}", HttpStatusCode.BadGateway));

        using var response = await Send(service, RetryMode.Idempotent, maxRetries: 3);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(4, service.Seen.Count);
        Assert.Equal(4, RetryingHttpClient.AttemptsOf(response));
        Assert.Equal(3, _clock.Waits.Count);
    }

    [Fact]
    public async Task Idempotent_WithoutRetryAfter_ShouldBackOffWithinTheLongestWait()
    {
        var service = new FakeService(_ => FakeService.Json("{}", HttpStatusCode.ServiceUnavailable));

        using var response = await Send(service, RetryMode.Idempotent, maxRetries: 8, baseDelay: TimeSpan.FromSeconds(10));

        var waits = _clock.Waits.ToList();
        Assert.Equal(8, waits.Count);
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, RetryingHttpClient.MaxWait));
        Assert.True(waits.Take(2).Sum(w => w.TotalSeconds) < waits.Skip(6).Sum(w => w.TotalSeconds), "the waits grow: " + string.Join(", ", waits));
    }

    [Fact]
    public async Task Idempotent_WithRetryAfterSeconds_ShouldWaitExactlyThat()
    {
        var service = FakeService.Sequence(Throttled(429, ("Retry-After", "7")), FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(_clock.Waits));
    }

    [Fact]
    public async Task Idempotent_WithRetryAfterDate_ShouldWaitUntilThenByTheInjectedClock()
    {
        var at = _clock.GetUtcNow().AddSeconds(20).ToString("r", CultureInfo.InvariantCulture);
        var service = FakeService.Sequence(Throttled(503, ("Retry-After", at)), FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal(TimeSpan.FromSeconds(20), Assert.Single(_clock.Waits));
    }

    [Fact]
    public async Task Idempotent_WithExhaustedRateLimit_ShouldWaitForTheReset()
    {
        var reset = _clock.GetUtcNow().AddSeconds(42).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var service = FakeService.Sequence(Throttled(429, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)), FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal(TimeSpan.FromSeconds(42), Assert.Single(_clock.Waits));
    }

    [Theory]
    [InlineData("61")]
    [InlineData("3600")]
    public async Task Idempotent_WithRetryAfterBeyondMaxWait_ShouldNotWaitAndReturnTheThrottle(string seconds)
    {
        var service = new FakeService(_ => Throttled(429, ("Retry-After", seconds)));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Single(service.Seen);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Idempotent_WithRetryAfterAtMaxWait_ShouldStillWait()
    {
        var service = FakeService.Sequence(Throttled(429, ("Retry-After", "60")), FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.Idempotent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RetryingHttpClient.MaxWait, Assert.Single(_clock.Waits));
    }

    [Fact]
    public async Task Idempotent_WithDroppedConnectionOnce_ShouldRetryWithAFreshRequest()
    {
        var drops = 1;
        var service = new FakeService(_ => drops-- > 0 ? throw new HttpRequestException("The response ended prematurely.") : FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.Idempotent, body: "payload");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, service.Seen.Count);
        Assert.All(service.Seen, request => Assert.Equal("payload", request.Body));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task ThrottledOnly_WithRetryAfter_ShouldRetry(int status)
    {
        var service = FakeService.Sequence(Throttled(status, ("Retry-After", "2")), FakeService.Json("{}", HttpStatusCode.Created));

        using var response = await Send(service, RetryMode.ThrottledOnly);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, service.Seen.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(_clock.Waits));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ThrottledOnly_WithoutRetryAfter_ShouldNotRetryAWriteThatMayHaveLanded(int status)
    {
        var service = new FakeService(_ => FakeService.Json("{}", (HttpStatusCode)status));

        using var response = await Send(service, RetryMode.ThrottledOnly);

        Assert.Single(service.Seen);
        Assert.Equal(1, RetryingHttpClient.AttemptsOf(response));
    }

    [Fact]
    public async Task ThrottledOnly_WithDroppedConnection_ShouldNotRetryAndSayItMayHaveLanded()
    {
        var service = new FakeService(_ => throw new HttpRequestException("The response ended prematurely."));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Send(service, RetryMode.ThrottledOnly));

        Assert.Single(service.Seen);
        Assert.Contains("dropped", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 attempt, not retried", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /api/thing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConditionalWrite_WithServerErrorOnce_ShouldRetryLikeARead()
    {
        var service = FakeService.Sequence(FakeService.Json("{}", HttpStatusCode.BadGateway), FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.ConditionalWrite);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, service.Seen.Count);
    }

    [Fact]
    public async Task Send_WithRefusedConnectionEachTime_ShouldSayTheServiceCannotBeReachedAndNameTheVariable()
    {
        var service = new FakeService(_ => throw new HttpRequestException($"Connection refused (127.0.0.1:5001) for {Token}", new SocketException((int)SocketError.ConnectionRefused)));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Send(service, RetryMode.Idempotent));

        Assert.Equal(5, service.Seen.Count);
        Assert.Contains("Cannot reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("PULUMI_BACKEND_URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithTimeout_ShouldNotRetryAndSayTheServiceDidNotAnswer()
    {
        var service = new FakeService(_ => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Send(service, RetryMode.Idempotent));

        Assert.Single(service.Seen);
        Assert.Contains("did not answer POST /api/thing in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WhenTheCallerCancels_ShouldStopWithoutTranslating()
    {
        using var cancellation = new CancellationTokenSource();
        var service = new FakeService(_ =>
        {
            cancellation.Cancel();
            return FakeService.Json("{}", HttpStatusCode.BadGateway);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(service, RetryMode.Idempotent, cancellationToken: cancellation.Token));

        Assert.Single(service.Seen);
    }

    [Fact]
    public async Task Send_WhenRetrying_ShouldReportTheStatusButNoServerText()
    {
        var first = FakeService.Json("{}", HttpStatusCode.ServiceUnavailable);
        first.ReasonPhrase = $"Unavailable for {Token}";
        var service = FakeService.Sequence(first, FakeService.Json("{}"));

        using var response = await Send(service, RetryMode.Idempotent);

        var verbose = Assert.Single(_reporter.Verboses);
        Assert.Contains("answered 503", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("Unavailable", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, verbose, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Send(FakeService service, RetryMode mode, int maxRetries = 4, TimeSpan? baseDelay = null, string? body = null, CancellationToken cancellationToken = default)
    {
        var endpoint = service.Endpoint(token: Token);
        var http = new RetryingHttpClient(endpoint, "PULUMI_BACKEND_URL", _reporter, maxRetries, baseDelay ?? TimeSpan.FromMilliseconds(100), _clock);
        return http.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.BaseAddress, "api/thing")) { Content = body is null ? null : new StringContent(body) },
            mode,
            cancellationToken);
    }

    private static HttpResponseMessage Throttled(int status, params (string Name, string Value)[] headers) =>
        FakeService.Json("""{"message":"slow down"}""", (HttpStatusCode)status, headers.ToDictionary(h => h.Name, h => h.Value));
}
