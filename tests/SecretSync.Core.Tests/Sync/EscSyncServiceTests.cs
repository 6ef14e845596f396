using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Tests.Http;

namespace SecretSync.Core.Tests.Sync;

/// <summary>
/// Plan and apply against a scripted ESC: what is read and evaluated, one PATCH with the ETag it was planned
/// against, and a conflict answered by reading again, so another writer's change survives.
/// </summary>
public sealed class EscSyncServiceTests
{
    private const string Value = "hunter2-value-xyz";
    private const string Owned =
        "values:\n" +
        "  app:\n" +
        "    app_api_key:\n" +
        "      fn::secret:\n" +
        "        ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==\n" +
        "  environmentVariables:\n" +
        "    APP_API_KEY: ${app.app_api_key}\n" +
        "  secretSync:\n" +
        "    managedKeys:\n" +
        "      APP_API_KEY: app.app_api_key\n";

    private const string EvaluatedOwned = """{"properties":{"app":{"value":{"app_api_key":{"value":"hunter2-value-xyz","secret":true}}}}}""";
    private static readonly EnvironmentRef s_environment = EnvironmentRef.Parse("acme/app");
    private static readonly EscDesiredSecret[] s_desired = [new("APP_API_KEY", "app.app_api_key", Value)];
    private readonly ImmediateClock _clock = new();

    [Fact]
    public async Task Plan_WhenTheEnvironmentDoesNotExist_ShouldPlanItAsEmptyAfterOneRead()
    {
        var service = new FakeService(_ => FakeService.Json("""{"code":404,"message":"not found"}""", HttpStatusCode.NotFound));

        var state = await Sync(service).PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);

        Assert.False(state.Exists);
        Assert.Equal(0, state.Revision);
        Assert.True(state.Plan.HasChanges);
        Assert.Equal(EscSyncAction.Added, Assert.Single(state.Plan.Secrets).Action);
        Assert.Single(service.Seen);
    }

    [Fact]
    public async Task Plan_WithAnEmptyDefinition_ShouldNotAskForAnEvaluation()
    {
        var service = Esc(_ => (string.Empty, 1), _ => throw new InvalidOperationException("no check of an empty definition"), _ => throw new InvalidOperationException("no write while planning"));

        var state = await Sync(service).PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);

        Assert.True(state.Exists);
        Assert.Equal(1, state.Revision);
        Assert.Single(service.Seen);
    }

    [Fact]
    public async Task Plan_WithADefinition_ShouldEvaluateExactlyThatDefinitionWithSecretsShown()
    {
        var service = Esc(_ => (Owned, 7), _ => FakeService.Json(EvaluatedOwned), _ => throw new InvalidOperationException("no write while planning"));

        var state = await Sync(service).PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);

        var check = service.Seen.Single(r => r.Method == "POST");
        Assert.Equal("/api/esc/environments/acme/yaml/check?showSecrets=true", check.Uri.PathAndQuery);
        Assert.Equal(Owned, check.Body);
        Assert.Equal(EscSyncAction.Unchanged, Assert.Single(state.Plan.Secrets).Action);
    }

    [Fact]
    public async Task Apply_WithNothingToChange_ShouldWriteNothing()
    {
        var service = Esc(_ => (Owned, 7), _ => FakeService.Json(EvaluatedOwned), _ => throw new InvalidOperationException("no write when nothing changes"));
        var sync = Sync(service);

        var state = await sync.PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);
        var (_, revision) = await sync.ApplyAsync(state, s_desired, prune: false, CancellationToken.None);

        Assert.Equal(7, revision);
        Assert.DoesNotContain(service.Seen, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Apply_ShouldWriteOneRevisionWithTheETagItPlannedAgainst()
    {
        var service = Esc(_ => (string.Empty, 7), _ => FakeService.Json("{}"), _ => Revised(8));
        var sync = Sync(service);

        var state = await sync.PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);
        var (_, revision) = await sync.ApplyAsync(state, s_desired, prune: false, CancellationToken.None);

        Assert.Equal(8, revision);
        var patch = Assert.Single(service.Seen, r => r.Method == "PATCH");
        Assert.Equal("\"e7\"", patch.Headers["ETag"]);
        Assert.Contains("app_api_key", patch.Body, StringComparison.Ordinal);
        Assert.Contains("fn::secret", patch.Body, StringComparison.Ordinal);
        Assert.Single(service.Seen, r => r.Method == "GET");
    }

    [Fact]
    public async Task Apply_AfterAConflict_ShouldReadAgainAndKeepTheOtherWritersChange()
    {
        var reads = 0;
        var patches = 0;
        var service = Esc(
            _ => ++reads == 1 ? (string.Empty, 7) : ("values:\n  other:\n    written: meanwhile\n", 8),
            _ => FakeService.Json("""{"properties":{"other":{"value":{"written":{"value":"meanwhile"}}}}}"""),
            _ => ++patches == 1 ? FakeService.Json("""{"code":409,"message":"etag mismatch"}""", HttpStatusCode.Conflict) : Revised(9));
        var sync = Sync(service);

        var state = await sync.PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);
        var (final, revision) = await sync.ApplyAsync(state, s_desired, prune: false, CancellationToken.None);

        Assert.Equal(9, revision);
        Assert.Equal(8, final.Revision);
        var written = service.Seen.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(["\"e7\"", "\"e8\""], written.Select(p => p.Headers["ETag"]));
        Assert.Contains("written: meanwhile", written[1].Body, StringComparison.Ordinal);
        Assert.Contains("app_api_key", written[1].Body, StringComparison.Ordinal);
        Assert.Single(_clock.Waits);
        Assert.InRange(_clock.Waits.Single(), TimeSpan.Zero, EscSyncService.MaxConflictWait);
    }

    [Fact]
    public async Task Apply_ForAnEnvironmentJustCreated_ShouldPlanAgainstWhatCreateMadeAndWriteWithItsETag()
    {
        var created = false;
        var service = new FakeService(request => (request.Method, created) switch
        {
            ("GET", false) => FakeService.Json("""{"code":404,"message":"not found"}""", HttpStatusCode.NotFound),
            ("POST", _) when request.Path == "/api/esc/environments/acme" => Create(),
            ("GET", true) => Definition(string.Empty, 1),
            ("PATCH", true) => Revised(2),
            _ => throw new InvalidOperationException($"unexpected {request.Method} {request.Path}"),
        });
        HttpResponseMessage Create()
        {
            created = true;
            return FakeService.Json("{}");
        }

        var sync = Sync(service);

        var state = await sync.PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None);
        await sync.CreateAsync(s_environment, CancellationToken.None);
        var (_, revision) = await sync.ApplyAsync(state, s_desired, prune: false, CancellationToken.None);

        Assert.Equal(2, revision);
        Assert.Equal("\"e1\"", service.Seen.Single(r => r.Method == "PATCH").Headers["ETag"]);
    }

    [Fact]
    public async Task Plan_WhenTheEvaluationFailsEchoingTheValue_ShouldRedactIt()
    {
        var service = Esc(_ => (Owned, 7), _ => FakeService.Json($$"""{"code":400,"message":"cannot evaluate {{Value}}"}""", HttpStatusCode.BadRequest), _ => Revised(8));

        var error = await Assert.ThrowsAsync<EscDiagnosticsException>(() => Sync(service).PlanAsync(s_environment, s_desired, prune: false, CancellationToken.None));

        Assert.DoesNotContain(Value, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot evaluate ***", error.Message, StringComparison.Ordinal);
    }

    private EscSyncService Sync(FakeService service) =>
        new(new EscClient(service.Endpoint(), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(100), _clock), NullSyncReporter.Instance, _clock);

    // An existing environment: GET answers the definition and revision the script gives, with ETag "e{revision}".
    private static FakeService Esc(Func<SeenRequest, (string Yaml, long Revision)> read, Func<SeenRequest, HttpResponseMessage> check, Func<SeenRequest, HttpResponseMessage> patch) =>
        new(request => request.Method switch
        {
            "GET" => Definition(read(request)),
            "POST" => check(request),
            "PATCH" => patch(request),
            _ => throw new InvalidOperationException($"unexpected {request.Method} {request.Path}"),
        });

    private static HttpResponseMessage Definition((string Yaml, long Revision) read) => Definition(read.Yaml, read.Revision);

    private static HttpResponseMessage Definition(string yaml, long revision) =>
        FakeService.Text(yaml, "application/x-yaml", headers: new Dictionary<string, string> { ["ETag"] = $"\"e{revision}\"", ["Pulumi-ESC-Revision"] = revision.ToString(CultureInfo.InvariantCulture) });

    private static HttpResponseMessage Revised(long revision) =>
        FakeService.Json("{}", headers: new Dictionary<string, string> { ["Pulumi-ESC-Revision"] = revision.ToString(CultureInfo.InvariantCulture) });
}
