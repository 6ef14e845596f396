using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.GitHub.Api;
using SecretSync.Core.Tests.Collectors;
using SecretSync.Core.Tests.Http;

namespace SecretSync.Core.Tests.GitHub;

/// <summary>
/// Organisation secret pushes against a scripted GitHub: what is sent, every page of selected repositories sent
/// back, retries on rate limits by the injected clock, one failed secret not stopping the others, and errors.
/// </summary>
public sealed class GitHubSecretWriterTests
{
    private const string Token = "tok-0123456789";
    private const string Value = "hunter2-value-xyz";
    private const string Root = "/api/v3/orgs/acme/actions/secrets";
    private const string Secondary = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest"}""";
    private static readonly DateTimeOffset s_updatedAt = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly Sodium.KeyPair _keys = Sodium.PublicKeyBox.GenerateKeyPair();
    private readonly ImmediateClock _clock = new();
    private readonly RecordingReporter _reporter = new();
    private readonly Dictionary<string, string> _existing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<HttpResponseMessage>> _putAnswers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _written = [];
    private Func<SeenRequest, HttpResponseMessage?> _override = _ => null;
    private FakeService? _service;
    private int _selectedCount;
    private int _selectedListed;

    [Fact]
    public async Task Push_NewSecretWithoutVisibility_ShouldCreateItPrivateAndSealed()
    {
        var (outcomes, service) = await Push(Request("NEW_API_KEY"));

        var outcome = Assert.Single(outcomes);
        Assert.Equal("Created", outcome.Action);
        Assert.Null(outcome.Error);
        var put = Assert.Single(Puts(service));
        var body = JObject.Parse(put.Body!);
        Assert.Equal("private", (string?)body["visibility"]);
        Assert.Equal("568250167242549743", (string?)body["key_id"]);
        var opened = Sodium.SealedPublicKeyBox.Open(Convert.FromBase64String((string)body["encrypted_value"]!), _keys.PrivateKey, _keys.PublicKey);
        Assert.Equal(Value, System.Text.Encoding.UTF8.GetString(opened));
        Assert.Null(body["selected_repository_ids"]);
        Assert.All(service.Seen, request => Assert.DoesNotContain(Value, request.Body ?? string.Empty, StringComparison.Ordinal));
        Assert.All(service.Seen, request => Assert.Equal($"Token {Token}", request.Authorization));
    }

    [Fact]
    public async Task Push_UpdatingASecretSharedWith250Repositories_ShouldReadEveryPageAndSendAllBack()
    {
        _existing["SHARED_API_KEY"] = "selected";
        _selectedCount = 250;
        _selectedListed = 250;

        var (outcomes, service) = await Push(Request("SHARED_API_KEY"));

        Assert.Equal("Updated", Assert.Single(outcomes).Action);
        var pages = service.Seen.Where(r => r.Path == Root + "/SHARED_API_KEY/repositories").ToList();
        Assert.Equal(3, pages.Count);
        var body = JObject.Parse(Assert.Single(Puts(service)).Body!);
        Assert.Equal("selected", (string?)body["visibility"]);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), body["selected_repository_ids"]!.Select(id => (long)id).OrderBy(id => id));
    }

    [Fact]
    public async Task Push_WhenGitHubListsFewerRepositoriesThanItCounts_ShouldWriteNothingForThatSecret()
    {
        _existing["SHARED_API_KEY"] = "selected";
        _selectedCount = 250;
        _selectedListed = 200;

        var (outcomes, service) = await Push(Request("SHARED_API_KEY"), Request("OTHER_API_KEY"));

        Assert.Equal("Failed", outcomes[0].Action);
        Assert.Contains("200 of the 250 repositories", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("Created", outcomes[1].Action);
        Assert.Equal(["OTHER_API_KEY"], Puts(service).Select(p => p.Path.Split('/').Last()));
    }

    [Fact]
    public async Task Push_WithNamedRepositories_ShouldLookEachUpOnceAndSendTheirIds()
    {
        _override = request => request.Path.StartsWith("/api/v3/repos/", StringComparison.Ordinal)
            ? FakeService.Json($$"""{"id":{{(request.Path.EndsWith("/web", StringComparison.Ordinal) ? 11 : 22)}},"name":"{{request.Path.Split('/').Last()}}","full_name":"x/{{request.Path.Split('/').Last()}}"}""")
            : null;

        var (outcomes, service) = await Push(Request("A_API_KEY", "selected", ["web", "other-org/api"]), Request("B_API_KEY", "selected", ["web"]));

        Assert.All(outcomes, o => Assert.Equal("Created", o.Action));
        Assert.Equal(["/api/v3/repos/acme/web", "/api/v3/repos/other-org/api"], service.Seen.Where(r => r.Path.StartsWith("/api/v3/repos/", StringComparison.Ordinal)).Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal));
        var ids = Puts(service).ToDictionary(p => p.Path.Split('/').Last(), p => JObject.Parse(p.Body!)["selected_repository_ids"]!.Select(id => (long)id).OrderBy(id => id).ToArray());
        Assert.Equal([11L, 22L], ids["A_API_KEY"]);
        Assert.Equal([11L], ids["B_API_KEY"]);
    }

    [Fact]
    public async Task Push_WithSecondaryLimitOnTheWrite_ShouldWaitAMinuteByTheClockThenWrite()
    {
        _existing["LIMITED_API_KEY"] = "all";
        Answer("LIMITED_API_KEY", FakeService.Json(Secondary, HttpStatusCode.Forbidden), new HttpResponseMessage(HttpStatusCode.NoContent));

        var (outcomes, service) = await Push(Request("LIMITED_API_KEY"));

        Assert.Equal("Updated", Assert.Single(outcomes).Action);
        Assert.Equal(2, Puts(service).Count);
        Assert.True(Assert.Single(_clock.Waits) >= GitHubRetry.SecondaryLimitWait);
        Assert.Contains(_reporter.Verboses, v => v.Contains("403", StringComparison.Ordinal) && v.Contains("retry 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Push_WithRetryAfterOnTheWrite_ShouldWaitWhatGitHubAsks()
    {
        Answer("SLOW_API_KEY", FakeService.Json("""{"message":"slow down"}""", (HttpStatusCode)429, new Dictionary<string, string> { ["Retry-After"] = "3" }), new HttpResponseMessage(HttpStatusCode.Created));

        var (outcomes, _) = await Push(Request("SLOW_API_KEY"));

        Assert.Equal("Created", Assert.Single(outcomes).Action);
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(_clock.Waits));
    }

    [Fact]
    public async Task Push_WithExhaustedLimitUntilLongAfterMaxWait_ShouldFailThatSecretSayingUntilWhen()
    {
        var reset = _clock.GetUtcNow().AddMinutes(40);
        Answer("LATE_API_KEY", FakeService.Json("""{"message":"API rate limit exceeded"}""", HttpStatusCode.Forbidden, new Dictionary<string, string>
        {
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        }));

        var (outcomes, service) = await Push(Request("LATE_API_KEY"));

        var error = Assert.IsType<ServiceUnavailableException>(Assert.Single(outcomes).Error);
        Assert.Single(Puts(service));
        Assert.Empty(_clock.Waits);
        Assert.Contains(reset.ToString("u", CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("1 attempt, not retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_WithServerErrorOnEveryWriteOfOneSecret_ShouldFailOnlyThatOne()
    {
        Answer("BROKEN_API_KEY", Enumerable.Range(0, 5).Select(_ => FakeService.Json("""{"message":"Server Error"}""", HttpStatusCode.BadGateway)).ToArray());

        var (outcomes, service) = await Push(Request("BROKEN_API_KEY"), Request("FINE_API_KEY"));

        var error = Assert.IsType<ServiceUnavailableException>(outcomes[0].Error);
        Assert.Equal("Failed", outcomes[0].Action);
        Assert.Contains("502, 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal("Created", outcomes[1].Action);
        Assert.Equal(6, Puts(service).Count);
    }

    [Fact]
    public async Task Push_WithValidationErrorEchoingTheToken_ShouldRedactIt()
    {
        Answer("ODD_API_KEY", FakeService.Json($$"""{"message":"Invalid request for {{Token}}: key_id is stale"}""", (HttpStatusCode)422));

        var (outcomes, _) = await Push(Request("ODD_API_KEY"));

        var error = Assert.IsType<ServiceException>(Assert.Single(outcomes).Error);
        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Contains("key_id is stale", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, string, Type> ListErrors => new()
    {
        { 401, """{"message":"Bad credentials"}""", typeof(ServiceAuthenticationException) },
        { 403, """{"message":"Must have admin rights to Repository."}""", typeof(ServiceAuthenticationException) },
        { 404, """{"message":"Not Found"}""", typeof(ServiceNotFoundException) },
        { 500, """{"message":"Server Error"}""", typeof(ServiceUnavailableException) },
        { 200, """{"total_count":1}""", typeof(UnexpectedServiceReplyException) },
        { 200, "<!DOCTYPE html><html><body>Sign in</body></html>", typeof(UnexpectedServiceReplyException) },
    };

    [Theory]
    [MemberData(nameof(ListErrors))]
    public async Task Push_WhenTheListingFails_ShouldThrowTheExceptionOfItsErrorIdAndWriteNothing(int status, string body, Type expected)
    {
        _override = request => request.Method == "GET" && request.Path == Root
            ? FakeService.Text(body, body.StartsWith('<') ? "text/html" : "application/json", (HttpStatusCode)status)
            : null;

        var error = await Record.ExceptionAsync(() => Push(Request("ANY_API_KEY")));

        Assert.IsType(expected, error);
        Assert.Contains("GitHub at 127.0.0.1:5001", error!.Message, StringComparison.Ordinal);
        Assert.Empty(Puts(_service!));
    }

    [Fact]
    public async Task Push_WithWhatIf_ShouldReadButNeverWrite()
    {
        _existing["OLD_API_KEY"] = "all";

        var (outcomes, service) = await Push(whatIf: true, Request("OLD_API_KEY"), Request("NEW_API_KEY"));

        Assert.Equal(["WouldUpdate", "WouldCreate"], outcomes.Select(o => o.Action));
        Assert.All(service.Seen, request => Assert.Equal("GET", request.Method));
        Assert.DoesNotContain(service.Seen, request => request.Path.EndsWith("/public-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Push_ShouldRecordInTheLedgerGitHubsNewUpdatedAtAndThePushTimeByTheClock()
    {
        var ledger = GitHubPushLedger.CreateNew();

        var (outcomes, _) = await Push(ledger, Request("NEW_API_KEY"));

        Assert.Equal(s_updatedAt, Assert.Single(outcomes).UpdatedAt);
        var push = ledger.LastPush("acme", "NEW_API_KEY")!;
        Assert.Equal(s_updatedAt, push.UpdatedAt);
        Assert.Equal(_clock.GetUtcNow(), push.PushedAt);
    }

    [Fact]
    public async Task Push_OfASecretChangedInGitHubSinceTheLastPush_ShouldWarnAndWrite()
    {
        _existing["ROTATED_API_KEY"] = "all";
        var ledger = GitHubPushLedger.CreateNew();
        ledger.Record("acme", "ROTATED_API_KEY", null, Value, s_updatedAt.AddDays(-1), s_updatedAt.AddDays(-1));

        var (outcomes, service) = await Push(ledger, Request("ROTATED_API_KEY"));

        Assert.True(Assert.Single(outcomes).ChangedInGitHub);
        Assert.Single(Puts(service));
        Assert.Contains(_reporter.Warnings, w => w.Contains("ROTATED_API_KEY was changed in GitHub", StringComparison.Ordinal));
    }

    private static GitHubPushRequest Request(string name, string? visibility = null, IReadOnlyList<string>? repositories = null) =>
        GitHubPushRequest.Create(name, name, Value, visibility, repositories);

    private Task<(List<GitHubPushOutcome> Outcomes, FakeService Service)> Push(params GitHubPushRequest[] requests) => Push(null, false, requests);

    private Task<(List<GitHubPushOutcome> Outcomes, FakeService Service)> Push(bool whatIf, params GitHubPushRequest[] requests) => Push(null, whatIf, requests);

    private Task<(List<GitHubPushOutcome> Outcomes, FakeService Service)> Push(GitHubPushLedger ledger, params GitHubPushRequest[] requests) => Push(ledger, false, requests);

    private async Task<(List<GitHubPushOutcome> Outcomes, FakeService Service)> Push(GitHubPushLedger? ledger, bool whatIf, GitHubPushRequest[] requests)
    {
        var service = _service = new FakeService(Answer);
        var writer = new GitHubSecretWriter(service.Endpoint("GitHub", "http://127.0.0.1:5001/api/v3/", Token), new GitHubWritePacer(1000, 1000), 4, _reporter, _clock);
        var outcomes = await writer.PushAsync("acme", requests, ledger, whatIf, CancellationToken.None);
        return (outcomes, service);
    }

    private void Answer(string secret, params HttpResponseMessage[] answers) => _putAnswers[secret] = new Queue<HttpResponseMessage>(answers);

    // GitHub as the reference describes it (github-api §1): list, public key, selected repositories by page, PUT.
    private HttpResponseMessage Answer(SeenRequest request)
    {
        if (_override(request) is { } scripted)
        {
            return scripted;
        }

        var path = request.Path;
        if (request.Method == "GET" && path == Root)
        {
            // After a write every listed secret (new ones too) carries GitHub's new updated_at.
            var names = _existing.Keys.Concat(_written).Distinct().ToList();
            var secrets = names.Select(n => $$"""{"name":"{{n}}","created_at":"2026-01-01T00:00:00Z","updated_at":"{{s_updatedAt:yyyy-MM-ddTHH:mm:ssZ}}","visibility":"{{(_existing.TryGetValue(n, out var v) ? v : "private")}}"}""");
            return FakeService.Json($$"""{"total_count":{{names.Count}},"secrets":[{{string.Join(",", secrets)}}]}""");
        }

        if (request.Method == "GET" && path == Root + "/public-key")
        {
            return FakeService.Json($$"""{"key_id":"568250167242549743","key":"{{Convert.ToBase64String(_keys.PublicKey)}}"}""");
        }

        if (request.Method == "GET" && path.EndsWith("/repositories", StringComparison.Ordinal))
        {
            var page = int.Parse(Query(request.Uri, "page") ?? "1", CultureInfo.InvariantCulture);
            var perPage = int.Parse(Query(request.Uri, "per_page") ?? "30", CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(((page - 1) * perPage) + 1, perPage).Where(id => id <= _selectedListed).ToList();
            var headers = new Dictionary<string, string>();
            if (page * perPage < _selectedListed)
            {
                headers["Link"] = $"<{request.Uri.GetLeftPart(UriPartial.Path)}?per_page={perPage}&page={page + 1}>; rel=\"next\"";
            }

            var repositories = ids.Select(id => $$"""{"id":{{id}},"name":"r{{id}}","full_name":"acme/r{{id}}"}""");
            return FakeService.Json($$"""{"total_count":{{_selectedCount}},"repositories":[{{string.Join(",", repositories)}}]}""", headers: headers);
        }

        if (request.Method == "PUT" && path.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            var name = path.Split('/').Last();
            var answer = _putAnswers.TryGetValue(name, out var queue) && queue.Count > 0
                ? queue.Dequeue()
                : new HttpResponseMessage(_existing.ContainsKey(name) ? HttpStatusCode.NoContent : HttpStatusCode.Created);
            if (answer.IsSuccessStatusCode)
            {
                _written.Add(name);
            }

            return answer;
        }

        throw new InvalidOperationException($"unexpected {request.Method} {request.Uri}");
    }

    private static List<SeenRequest> Puts(FakeService service) => service.Seen.Where(r => r.Method == "PUT").ToList();

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();
}
