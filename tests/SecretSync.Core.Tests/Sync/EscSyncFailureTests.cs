using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Tests.Http;

namespace SecretSync.Core.Tests.Sync;

/// <summary>How a sync meets a busy, failing or approval-gated ESC: retried where safe, never where not, and said plainly.</summary>
public sealed class EscSyncFailureTests
{
    private const string Value = "hunter2-value-xyz";
    private static readonly EnvironmentRef s_environment = EnvironmentRef.Parse("acme/app");
    private readonly ImmediateClock _clock = new();
    private int _revision = 7;

    [Fact]
    public async Task Apply_WithStaleETagManyTimes_ShouldBackOffAndLand()
    {
        var conflicts = 9;
        var service = Esc(patch => conflicts-- > 0 ? Conflict("etag mismatch") : Landed());

        var (_, revision) = await Sync(service);

        Assert.Equal(8, revision);
        Assert.Equal(10, Patches(service).Count);
        var waits = _clock.Waits.ToList();
        Assert.Equal(9, waits.Count);
        Assert.True(waits.Take(3).Sum(w => w.TotalSeconds) < waits.Skip(6).Sum(w => w.TotalSeconds), "the waits grow: " + string.Join(", ", waits));
        Assert.All(waits, w => Assert.True(w <= EscSyncService.MaxConflictWait, $"{w} is within the bound"));
    }

    [Fact]
    public async Task Apply_WithPreconditionFailed_ShouldReplanLikeAConflict()
    {
        var failures = 2;
        var service = Esc(_ => failures-- > 0 ? FakeService.Json("""{"code":412,"message":"precondition failed"}""", HttpStatusCode.PreconditionFailed) : Landed());

        var (_, revision) = await Sync(service);

        Assert.Equal(8, revision);
        Assert.Equal(3, Patches(service).Count);
    }

    [Fact]
    public async Task Apply_WithConflictsBeyondTheBound_ShouldStopSayingWhat()
    {
        var service = Esc(_ => Conflict("etag mismatch"));

        var error = await Assert.ThrowsAsync<EscConflictException>(() => Sync(service));

        Assert.Equal(EscConflictRetry.MaxAttempts, Patches(service).Count);
        Assert.Contains("nothing was written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithApprovalRequired_ShouldNotRetryAndSayWhatToDo()
    {
        var service = Esc(_ => Conflict("This environment requires updates to be approved via change request. Please use the draft endpoint instead."));

        var error = await Assert.ThrowsAsync<EscApprovalRequiredException>(() => Sync(service));

        Assert.False(error.ForOpen);
        Assert.Single(Patches(service));
        Assert.Contains("change request", error.Message, StringComparison.Ordinal);
        Assert.Contains("bypass", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Apply_WithServerErrorOnce_ShouldReplayThePatchWithTheSameETag(int status)
    {
        var failures = 1;
        var service = Esc(_ => failures-- > 0 ? FakeService.Json($$"""{"code":{{status}},"message":"upstream failed"}""", (HttpStatusCode)status) : Landed());

        var (_, revision) = await Sync(service);

        Assert.Equal(8, revision);
        var patches = Patches(service);
        Assert.Equal(2, patches.Count);
        Assert.All(patches, p => Assert.Equal("\"e7\"", p.Headers["ETag"]));
    }

    [Fact]
    public async Task Apply_WithDroppedConnectionOnce_ShouldReplayThePatch()
    {
        var drops = 1;
        var service = Esc(_ => drops-- > 0 ? throw new HttpRequestException("The response ended prematurely.") : Landed());

        var (_, revision) = await Sync(service);

        Assert.Equal(8, revision);
        Assert.Equal(2, Patches(service).Count);
    }

    [Fact]
    public async Task Apply_WithDroppedConnectionEachTime_ShouldNotClaimTheServiceIsUnreachable()
    {
        var service = Esc(_ => throw new HttpRequestException("The response ended prematurely."));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => Sync(service));

        Assert.DoesNotContain("Cannot reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("dropped", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithServerError_ShouldNotClaimRetries()
    {
        var service = new FakeService(_ => FakeService.Json("""{"code":502,"message":"bad gateway"}""", HttpStatusCode.BadGateway));
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(1), _clock);

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.CreateAsync(s_environment, CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.DoesNotContain("after retries", error.Message, StringComparison.Ordinal);
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithServerEchoingTokenAndValue_ShouldRedactBoth()
    {
        var service = Esc(_ => FakeService.Json($$$"""
            {"code":400,"message":"bad request from token tok-0123456789",
             "diagnostics":[{"range":{"begin":{"line":3,"column":5}},"summary":"unexpected value \"{{{Value}}}\" here"}]}
            """, HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<EscDiagnosticsException>(() => Sync(service));

        Assert.DoesNotContain(Value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-0123456789", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Value, error.Diagnostics.Single().Summary, StringComparison.Ordinal);
        Assert.Contains("unexpected value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WithOpenApprovalRequired_ShouldSayHowToGetAccess()
    {
        var service = new FakeService(_ => FakeService.Json("""{"code":403,"message":"create an open request instead, opens must be approved for the environment"}""", HttpStatusCode.Forbidden));
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(1), _clock);

        var error = await Assert.ThrowsAsync<EscApprovalRequiredException>(() => client.OpenAsync(s_environment, CancellationToken.None));

        Assert.True(error.ForOpen);
        Assert.Single(service.Seen);
        Assert.Contains("open request", error.Message, StringComparison.Ordinal);
    }

    private Task<(EscSyncState State, long Revision)> Sync(FakeService service)
    {
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(1), _clock);
        var sync = new EscSyncService(client, NullSyncReporter.Instance, _clock);
        var desired = new[] { new EscDesiredSecret("APP_API_KEY", "app.app_api_key", Value) };
        return PlanAndApply(sync, desired);
    }

    private static async Task<(EscSyncState State, long Revision)> PlanAndApply(EscSyncService sync, IReadOnlyList<EscDesiredSecret> desired)
    {
        var state = await sync.PlanAsync(s_environment, desired, prune: false, CancellationToken.None);
        return await sync.ApplyAsync(state, desired, prune: false, CancellationToken.None);
    }

    // An environment at revision 7 with an empty definition; PATCH answers as the script says.
    private FakeService Esc(Func<SeenRequest, HttpResponseMessage> patch) => new(request => request.Method switch
    {
        "GET" => FakeService.Text(string.Empty, "application/x-yaml", headers: new Dictionary<string, string> { ["ETag"] = $"\"e{_revision}\"", ["Pulumi-ESC-Revision"] = $"{_revision}" }),
        "PATCH" => patch(request),
        _ => FakeService.Json("""{"properties":{}}"""),
    });

    private HttpResponseMessage Landed() =>
        FakeService.Json("{}", headers: new Dictionary<string, string> { ["Pulumi-ESC-Revision"] = $"{++_revision}" });

    private static HttpResponseMessage Conflict(string message) =>
        FakeService.Json($$"""{"code":409,"message":"{{message}}"}""", HttpStatusCode.Conflict);

    private static List<SeenRequest> Patches(FakeService service) => service.Seen.Where(r => r.Method == "PATCH").ToList();
}
