using SecretSync.Core.Stores.GitHub.Api;
using SecretSync.Core.Tests.Http;

namespace SecretSync.Core.Tests.GitHub;

public sealed class GitHubRetryTests
{
    private const string PublicKey = """{"key_id":"568250167242549743","key":"2Sg8iYjAxxmI2LvUXpJjkYrMxURPc8r+dB7TJyvv1234"}""";
    private const string Secondary = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest"}""";
    private const string Primary = """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest"}""";

    private readonly ImmediateClock _clock = new();

    [Theory]
    [InlineData(429)]
    [InlineData(403)]
    public async Task CallAsync_WithExhaustedLimitAndNoRetryAfter_ShouldWaitUntilTheReset(int status)
    {
        var service = Script(FakeService.Json(Primary, (HttpStatusCode)status, Exhausted(TimeSpan.FromSeconds(30))), FakeService.Json(PublicKey));

        var key = await GetPublicKey(service);

        Assert.Equal("568250167242549743", key.KeyId);
        Assert.Equal(2, service.Seen.Count);
        var wait = Assert.Single(_clock.Waits);
        Assert.InRange(wait, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(403)]
    public async Task CallAsync_WithSecondaryLimitAndNoHeaders_ShouldWaitAMinute(int status)
    {
        var service = Script(FakeService.Json(Secondary, (HttpStatusCode)status), FakeService.Json(PublicKey));

        await GetPublicKey(service);

        var wait = Assert.Single(_clock.Waits);
        Assert.True(wait >= TimeSpan.FromSeconds(60), $"waited {wait}");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(403)]
    public async Task CallAsync_WithResetBeyondMaxWait_ShouldGiveUpAtOnceSayingUntilWhen(int status)
    {
        var service = Script(FakeService.Json(Primary, (HttpStatusCode)status, Exhausted(TimeSpan.FromMinutes(40))));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GetPublicKey(service));

        Assert.Single(service.Seen);
        Assert.Empty(_clock.Waits);
        Assert.Contains("rate limit", error.Message, StringComparison.Ordinal);
        Assert.Contains((_clock.GetUtcNow() + TimeSpan.FromMinutes(40)).ToString("u", CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_WithSecondaryLimitAgainAfterWaiting_ShouldStopInsteadOfHammering()
    {
        var service = Script(FakeService.Json(Secondary, HttpStatusCode.Forbidden), FakeService.Json(Secondary, HttpStatusCode.Forbidden), FakeService.Json(PublicKey));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GetPublicKey(service));

        Assert.Equal(2, service.Seen.Count);
        Assert.Contains("secondary rate limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_WithServerErrorEachTime_ShouldCountTheAttempts()
    {
        var service = new FakeService(_ => FakeService.Json("""{"message":"Server Error"}""", HttpStatusCode.BadGateway));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GetPublicKey(service));

        Assert.Equal(5, service.Seen.Count);
        Assert.Contains("5 attempts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task CallAsync_WithRetryAfter_ShouldWaitExactlyThat(int status)
    {
        var service = Script(FakeService.Json(Secondary, (HttpStatusCode)status, new Dictionary<string, string> { ["Retry-After"] = "9" }), FakeService.Json(PublicKey));

        await GetPublicKey(service);

        Assert.Equal(TimeSpan.FromSeconds(9), Assert.Single(_clock.Waits));
    }

    [Fact]
    public async Task CallAsync_WithRetryAfterBeyondMaxWait_ShouldGiveUpAtOnce()
    {
        var service = Script(FakeService.Json(Secondary, HttpStatusCode.Forbidden, new Dictionary<string, string> { ["Retry-After"] = "600" }));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => GetPublicKey(service));

        Assert.Single(service.Seen);
        Assert.Empty(_clock.Waits);
        Assert.Contains("1 attempt, not retried", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, string, Type> Refusals => new()
    {
        { 401, """{"message":"Bad credentials"}""", typeof(ServiceAuthenticationException) },
        { 403, """{"message":"Resource not accessible by integration"}""", typeof(ServiceAuthenticationException) },
        { 404, """{"message":"Not Found"}""", typeof(ServiceNotFoundException) },
        { 422, """{"message":"Validation Failed"}""", typeof(ServiceException) },
        { 409, """{"message":"Conflict"}""", typeof(ServiceException) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task CallAsync_WithARefusal_ShouldNotRetryAndThrowTheExceptionOfItsErrorId(int status, string body, Type expected)
    {
        var service = Script(FakeService.Json(body, (HttpStatusCode)status));

        var error = await Record.ExceptionAsync(() => GetPublicKey(service));

        Assert.IsType(expected, error);
        Assert.Single(service.Seen);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task CallAsync_WithDroppedConnectionOnce_ShouldRetry()
    {
        var drops = 1;
        var service = new FakeService(_ => drops-- > 0 ? throw new System.Net.Http.HttpRequestException("The response ended prematurely.") : FakeService.Json(PublicKey));

        var key = await GetPublicKey(service);

        Assert.Equal("568250167242549743", key.KeyId);
        Assert.Equal(2, service.Seen.Count);
    }

    [Fact]
    public async Task CallAsync_WithRedirectToPlainHttp_ShouldNotRetryAndSayWhatToCheck()
    {
        var service = new FakeService(_ => FakeService.Redirect("http://elsewhere.example/api/v3/orgs/acme/actions/secrets/public-key"));
        var endpoint = service.Endpoint("GitHub", "https://127.0.0.1:5001/api/v3/");
        var client = GitHubClientFactory.Create(endpoint);

        var error = await Assert.ThrowsAsync<UnexpectedServiceReplyException>(() => new GitHubRetry(NullSyncReporter.Instance, clock: _clock)
            .CallAsync(_ => client.Organization.Actions.Secrets.GetPublicKey("acme"), endpoint, "organisation acme's public key", CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.Contains("GITHUB_API_URL", error.Message, StringComparison.Ordinal);
    }

    private Task<Octokit.SecretsPublicKey> GetPublicKey(FakeService service)
    {
        var endpoint = service.Endpoint("GitHub", "http://127.0.0.1:5001/api/v3/");
        var client = GitHubClientFactory.Create(endpoint);
        var retry = new GitHubRetry(NullSyncReporter.Instance, baseDelay: TimeSpan.FromMilliseconds(1), clock: _clock);
        return retry.CallAsync(_ => client.Organization.Actions.Secrets.GetPublicKey("acme"), endpoint, "organisation acme's public key", CancellationToken.None);
    }

    private Dictionary<string, string> Exhausted(TimeSpan untilReset) => new()
    {
        ["x-ratelimit-limit"] = "5000",
        ["x-ratelimit-remaining"] = "0",
        ["x-ratelimit-reset"] = (_clock.GetUtcNow() + untilReset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };

    private static FakeService Script(params System.Net.Http.HttpResponseMessage[] answers) => FakeService.Sequence(answers);
}
