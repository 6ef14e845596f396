using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Tests.Http;

namespace SecretSync.Core.Tests.Esc;

/// <summary>
/// The ESC calls against a scripted service: the requests as the ESC CLI sends them, each error status turned into
/// the exception its ErrorId stands for, retries only where a replay is safe, paging, and server text redacted.
/// </summary>
public sealed class EscClientTests
{
    private const string Token = "tok-0123456789";
    private const string Secret = "hunter2-value-xyz";
    private static readonly EnvironmentRef s_environment = EnvironmentRef.Parse("acme/app");
    private readonly ImmediateClock _clock = new();

    [Fact]
    public async Task GetDefinition_ShouldSendTheTokenAndReturnYamlETagAndRevision()
    {
        var service = new FakeService(_ => Definition("values:\n  a: 1\n", "\"e7\"", 7));

        var definition = await Client(service).GetDefinitionAsync(s_environment, CancellationToken.None);

        Assert.Equal("values:\n  a: 1\n", definition.Yaml);
        Assert.Equal("\"e7\"", definition.ETag);
        Assert.Equal(7, definition.Revision);
        var request = Assert.Single(service.Seen);
        Assert.Equal("GET /api/esc/environments/acme/default/app", $"{request.Method} {request.Path}");
        Assert.Equal($"token {Token}", request.Authorization);
        Assert.Equal("application/vnd.pulumi+8", request.Headers["Accept"]);
    }

    // ServiceError, as README's Troubleshooting documents for this case (not UnexpectedServiceReply).
    [Fact]
    public async Task GetDefinition_WithoutRevisionHeader_ShouldRefuseTheReply()
    {
        var service = new FakeService(_ => FakeService.Text("environments: []\n", "application/x-yaml"));

        var error = await Assert.ThrowsAsync<ServiceException>(() => Client(service).GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.Contains("Pulumi-ESC-Revision", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDefinition_WithETag_ShouldSendItInTheETagHeaderAndReturnTheNewRevision()
    {
        var service = new FakeService(_ => Revised(8));

        var revision = await Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", "\"e7\"", CancellationToken.None);

        Assert.Equal(8, revision);
        var request = Assert.Single(service.Seen);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("\"e7\"", request.Headers["ETag"]);
        Assert.False(request.Headers.ContainsKey("If-Match"));
        Assert.Equal("values: {}\n", request.Body);
    }

    [Fact]
    public async Task UpdateDefinition_WithoutRevisionInTheReply_ShouldSaySo()
    {
        var service = new FakeService(_ => FakeService.Json("{}"));

        var error = await Assert.ThrowsAsync<ServiceException>(() => Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", "\"e7\"", CancellationToken.None));

        Assert.Contains("did not say which revision", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task UpdateDefinition_WithStaleETag_ShouldBeAConflictAndNotBeRetried(int status)
    {
        var service = new FakeService(_ => Error(status, "etag mismatch"));

        var error = await Assert.ThrowsAsync<EscConflictException>(() => Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", "\"e7\"", CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.Contains(status.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("etag mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDefinition_WithApprovalRequired_ShouldNeverBeRetried()
    {
        var service = new FakeService(_ => Error(409, "This environment requires updates to be approved via change request. Please use the draft endpoint instead."));

        var error = await Assert.ThrowsAsync<EscApprovalRequiredException>(() => Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", "\"e7\"", CancellationToken.None));

        Assert.False(error.ForOpen);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Single(service.Seen);
        Assert.Empty(_clock.Waits);
        Assert.Contains("Retrying does not help", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDefinition_WithETagAndServerErrorOnce_ShouldReplayWithTheSameETag()
    {
        var service = FakeService.Sequence(Error(502, "bad gateway"), Revised(8));

        var revision = await Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", "\"e7\"", CancellationToken.None);

        Assert.Equal(8, revision);
        Assert.Equal(2, service.Seen.Count);
        Assert.All(service.Seen, request => Assert.Equal("\"e7\"", request.Headers["ETag"]));
    }

    [Fact]
    public async Task UpdateDefinition_WithoutETagAndServerError_ShouldNotReplayAWriteThatMayHaveLanded()
    {
        var service = new FakeService(_ => Error(502, "bad gateway"));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", null, CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
        Assert.Contains("whether or not the last attempt landed nothing is lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDefinition_WithoutETagAndThrottledWithRetryAfter_ShouldWaitAndReplay()
    {
        var service = FakeService.Sequence(Error(429, "slow down", ("Retry-After", "5")), Revised(8));

        var revision = await Client(service).UpdateDefinitionAsync(s_environment, "values: {}\n", null, CancellationToken.None);

        Assert.Equal(8, revision);
        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(_clock.Waits));
    }

    [Fact]
    public async Task UpdateDefinition_WithDiagnostics_ShouldNameLineAndColumnAndRedactTheServerText()
    {
        var service = new FakeService(_ => FakeService.Json($$$"""
            {"code":400,"message":"invalid definition from {{{Token}}}",
             "diagnostics":[{"range":{"begin":{"line":3,"column":5}},"summary":"unknown function in \"{{{Secret}}}\""},
                            {"range":{"begin":{"line":4}},"summary":"second","severity":"warning"}]}
            """, HttpStatusCode.BadRequest));
        var client = Client(service);
        client.RememberValues([Secret]);

        var error = await Assert.ThrowsAsync<EscDiagnosticsException>(() => client.UpdateDefinitionAsync(s_environment, "values: {}\n", "\"e7\"", CancellationToken.None));

        Assert.Equal(2, error.Diagnostics.Count);
        Assert.Equal((3, 5, "error"), (error.Diagnostics[0].Line, error.Diagnostics[0].Column, error.Diagnostics[0].Severity));
        Assert.Equal((4, 0, "warning"), (error.Diagnostics[1].Line, error.Diagnostics[1].Column, error.Diagnostics[1].Severity));
        Assert.Contains(":3:5: unknown function in \"***\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, string, Type> ErrorStatuses => new()
    {
        { 401, "bad token", typeof(ServiceAuthenticationException) },
        { 403, "forbidden", typeof(ServiceAuthenticationException) },
        { 403, "create an open request instead, opens must be approved for the environment", typeof(EscApprovalRequiredException) },
        { 404, "not found", typeof(ServiceNotFoundException) },
        { 409, "conflict", typeof(EscConflictException) },
        { 400, "bad request", typeof(EscDiagnosticsException) },
        { 418, "teapot", typeof(ServiceException) },
        { 500, "internal error", typeof(ServiceUnavailableException) },
    };

    [Theory]
    [MemberData(nameof(ErrorStatuses))]
    public async Task Errors_ShouldBecomeTheExceptionOfTheirErrorId(int status, string message, Type expected)
    {
        var service = new FakeService(_ => Error(status, message));

        var error = await Record.ExceptionAsync(() => Client(service).OpenRevisionAsync(s_environment, 3, CancellationToken.None));

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, ((ServiceException)error!).StatusCode);
        Assert.Contains("ESC", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_WithUnauthorized_ShouldNameTheTokenVariable()
    {
        var service = new FakeService(_ => Error(401, "unauthorized"));

        var error = await Assert.ThrowsAsync<ServiceAuthenticationException>(() => Client(service).GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.Contains("PULUMI_ACCESS_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Single(service.Seen);
    }

    [Fact]
    public async Task Errors_WithOpenApprovalRequired_ShouldSayForOpen()
    {
        var service = new FakeService(_ => Error(403, "create an open request instead, opens must be approved for the environment"));

        var error = await Assert.ThrowsAsync<EscApprovalRequiredException>(() => Client(service).OpenRevisionAsync(s_environment, 3, CancellationToken.None));

        Assert.True(error.ForOpen);
        Assert.Single(service.Seen);
    }

    [Fact]
    public async Task Errors_WithPlainTextBody_ShouldQuoteItsFirstLineRedacted()
    {
        var service = new FakeService(_ => FakeService.Text($"upstream refused {Token}\nsecond line\n", "text/plain", (HttpStatusCode)418));

        var error = await Assert.ThrowsAsync<ServiceException>(() => Client(service).GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.Contains("upstream refused ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_WithServerErrorEachTime_ShouldSayHowManyAttempts()
    {
        var service = new FakeService(_ => Error(503, "unavailable"));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Client(service).GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.Equal(5, service.Seen.Count);
        Assert.Contains("503, 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_WithThrottleAskingForTooLongInSeconds_ShouldSayWhatItAskedFor()
    {
        var service = new FakeService(_ => Error(429, "slow down", ("Retry-After", "120")));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Client(service).GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.Contains("asked for a wait of 120 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_WithThrottleAskingForTooLongByDate_ShouldMeasureTheWaitByTheInjectedClock()
    {
        var until = _clock.GetUtcNow().AddSeconds(300).ToString("r", CultureInfo.InvariantCulture);
        var service = new FakeService(_ => Error(429, "slow down", ("Retry-After", until)));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Client(service).GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.Contains("asked for a wait of 300 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WhenItExistsAlready_ShouldBeFine()
    {
        var service = new FakeService(_ => Error(409, "environment already exists"));

        await Client(service).CreateAsync(s_environment, CancellationToken.None);

        var request = Assert.Single(service.Seen);
        Assert.Equal("POST /api/esc/environments/acme", $"{request.Method} {request.Path}");
        Assert.Equal("""{"project":"default","name":"app"}""", request.Body);
    }

    [Fact]
    public async Task List_ShouldFollowContinuationTokensAcrossPages()
    {
        var service = new FakeService(request => request.Uri.Query switch
        {
            "" => FakeService.Json("""{"environments":[{"organization":"acme","project":"p","name":"one"}],"nextToken":"a+b/c"}"""),
            "?continuationToken=a%2Bb%2Fc" => FakeService.Json("""{"environments":[{"organization":"acme","name":"two"}],"nextToken":"z"}"""),
            "?continuationToken=z" => FakeService.Json("""{"environments":[{"organization":"acme","project":"q","name":"three"}],"nextToken":""}"""),
            var other => throw new InvalidOperationException("unexpected query " + other),
        });

        var names = await Client(service).ListAsync("acme", CancellationToken.None);

        Assert.Equal(["acme/p/one", "acme/default/two", "acme/q/three"], names);
        Assert.Equal(3, service.Seen.Count);
        Assert.All(service.Seen, request => Assert.Equal("/api/esc/environments/acme", request.Path));
    }

    [Fact]
    public async Task ListRevisions_ShouldAskForTheWindowAndKeepTheOffsetsTheServiceWrote()
    {
        var service = new FakeService(_ => FakeService.Json("""
            [{"number":7,"created":"2026-11-30T10:00:00+02:00"},
             {"number":6,"created":"not a date"},
             {"number":5}]
            """));

        var revisions = await Client(service).ListRevisionsAsync(s_environment, before: 8, count: 3, CancellationToken.None);

        Assert.Equal("?count=3&before=8", Assert.Single(service.Seen).Uri.Query);
        Assert.Equal([7L, 6L, 5L], revisions.Select(r => r.Number));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(2)), revisions[0].Created);
        Assert.Equal(TimeSpan.FromHours(2), revisions[0].Created!.Value.Offset);
        Assert.Null(revisions[1].Created);
        Assert.Null(revisions[2].Created);
    }

    [Fact]
    public async Task ListRevisions_WithoutBefore_ShouldAskForTheNewest()
    {
        var service = new FakeService(_ => FakeService.Json("[]"));

        var revisions = await Client(service).ListRevisionsAsync(s_environment, before: null, count: 1, CancellationToken.None);

        Assert.Empty(revisions);
        Assert.Equal("/api/esc/environments/acme/default/app/versions?count=1", Assert.Single(service.Seen).Uri.PathAndQuery);
    }

    [Fact]
    public async Task ListRevisions_WithNumberAsText_ShouldRefuseTheReply()
    {
        var service = new FakeService(_ => FakeService.Json("""[{"number":"7"}]"""));

        await Assert.ThrowsAsync<UnexpectedServiceReplyException>(() => Client(service).ListRevisionsAsync(s_environment, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Open_ShouldOpenExactlyTheRevisionItReadAndRememberItsSecrets()
    {
        var service = new FakeService(request => (request.Method, request.Path) switch
        {
            ("GET", "/api/esc/environments/acme/default/app") => Definition("values: {}\n", "\"e9\"", 9),
            ("POST", "/api/esc/environments/acme/default/app/versions/9/open") => FakeService.Json("""{"id":"open-1"}"""),
            ("GET", "/api/esc/environments/acme/default/app/open/open-1") => FakeService.Json("""{"properties":{"k":{"value":"SECRET","secret":true}}}""".Replace("SECRET", Secret, StringComparison.Ordinal)),
            _ => Error(500, $"the server saw {Secret}"),
        });
        var client = Client(service);

        var (environment, revision) = await client.OpenAsync(s_environment, CancellationToken.None);
        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.CheckAsync(s_environment, "values: {}", showSecrets: false, CancellationToken.None));

        Assert.Equal(9, revision);
        Assert.Equal(Secret, (string?)environment["properties"]!["k"]!["value"]);
        Assert.Equal("?duration=2h0m0s", service.Seen.ElementAt(1).Uri.Query);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("the server saw ***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShouldPostToTheOrganisationAndRememberTheSecretsItShows()
    {
        var checks = 0;
        var service = new FakeService(_ => checks++ == 0
            ? FakeService.Json("""{"properties":{"a":{"value":{"b":{"value":"SECRET","secret":true}}}}}""".Replace("SECRET", Secret, StringComparison.Ordinal))
            : Error(500, $"cannot evaluate {Secret}"));
        var client = Client(service);

        await client.CheckAsync(s_environment, "values: {}", showSecrets: true, CancellationToken.None);
        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.CheckAsync(s_environment, "values: {}", showSecrets: true, CancellationToken.None));

        Assert.Equal("/api/esc/environments/acme/yaml/check?showSecrets=true", service.Seen.First().Uri.PathAndQuery);
        Assert.Equal("POST", service.Seen.First().Method);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    private EscClient Client(FakeService service) =>
        new(service.Endpoint(token: Token), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(100), _clock);

    private static HttpResponseMessage Definition(string yaml, string etag, long revision) =>
        FakeService.Text(yaml, "application/x-yaml", headers: new Dictionary<string, string> { ["ETag"] = etag, ["Pulumi-ESC-Revision"] = revision.ToString(CultureInfo.InvariantCulture) });

    private static HttpResponseMessage Revised(long revision) =>
        FakeService.Json("{}", headers: new Dictionary<string, string> { ["Pulumi-ESC-Revision"] = revision.ToString(CultureInfo.InvariantCulture) });

    private static HttpResponseMessage Error(int status, string message, params (string Name, string Value)[] headers) =>
        FakeService.Json($$"""{"code":{{status}},"message":"{{message}}"}""", (HttpStatusCode)status, headers.ToDictionary(h => h.Name, h => h.Value));
}
