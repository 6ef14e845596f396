namespace SecretSync.Emulator.Tests;

public sealed class TestingEndpointsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public TestingEndpointsTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task Requests_ShouldLogMethodPathStatusMsInOrderWithoutQuery()
    {
        await _emulator.Http.DeleteAsync("_emulator/requests");
        await _emulator.Http.GetAsync("api/v3/orgs/log/actions/secrets?per_page=5");
        await _emulator.Anonymous.GetAsync("api/esc/environments/log");

        var log = JsonNode.Parse(await _emulator.Anonymous.GetStringAsync("_emulator/requests"))!.AsArray();

        Assert.Equal(2, log.Count);
        Assert.Equal("/api/v3/orgs/log/actions/secrets", (string)log[0]!["path"]!);
        Assert.Equal("GET", (string)log[0]!["method"]!);
        Assert.Equal(200, (int)log[0]!["status"]!);
        Assert.Equal(401, (int)log[1]!["status"]!);
        Assert.True((double)log[0]!["ms"]! >= 0);
        Assert.Equal(1, (int)log[0]!["inFlight"]!);
        Assert.Equal(5, log[0]!.AsObject().Count);
    }

    [Fact]
    public async Task Faults_WithCountStatusAndRetryAfter_ShouldFailThatManyMatchingRequests()
    {
        await _emulator.Http.PostAsJsonAsync("_emulator/faults", new { method = "GET", pathPrefix = "/api/v3/orgs/faulty", count = 2, status = 429, retryAfter = 3 });

        var first = await _emulator.Http.GetAsync("api/v3/orgs/faulty/actions/secrets");
        var other = await _emulator.Http.GetAsync("api/v3/orgs/fine/actions/secrets");
        var second = await _emulator.Http.GetAsync("api/v3/orgs/faulty/actions/secrets");
        var third = await _emulator.Http.GetAsync("api/v3/orgs/faulty/actions/secrets");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Faults_WithDrop_ShouldAbortTheConnection()
    {
        await _emulator.Http.PostAsJsonAsync("_emulator/faults", new { pathPrefix = "/api/v3/orgs/dropped", count = 1, drop = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.Http.GetAsync("api/v3/orgs/dropped/actions/secrets"));
        Assert.Equal(HttpStatusCode.OK, (await _emulator.Http.GetAsync("api/v3/orgs/dropped/actions/secrets")).StatusCode);
    }

    [Fact]
    public async Task Faults_WithRate_ShouldFailAboutThatFractionUntilCleared()
    {
        await _emulator.Http.PostAsJsonAsync("_emulator/faults", new { pathPrefix = "/api/esc/environments/rated", rate = 0.3, statuses = new[] { 500, 503 } });
        var failures = 0;
        for (var i = 0; i < 200; i++)
        {
            var response = await _emulator.Http.GetAsync("api/esc/environments/rated");
            failures += (int)response.StatusCode >= 500 ? 1 : 0;
        }

        await _emulator.Http.DeleteAsync("_emulator/faults");
        var after = await _emulator.Http.GetAsync("api/esc/environments/rated");

        Assert.InRange(failures, 30, 90);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Faults_WithDelay_ShouldWaitThenServe()
    {
        var clock = new ImmediateClock();
        await using var emulator = await EmulatorFixture.StartAsync(clock);
        await emulator.Http.PostAsJsonAsync("_emulator/faults", new { pathPrefix = "/api/v3/orgs/slow", count = 1, delayMs = 300 });

        var response = await emulator.Http.GetAsync("api/v3/orgs/slow/actions/secrets");
        var again = await emulator.Http.GetAsync("api/v3/orgs/slow/actions/secrets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([TimeSpan.FromMilliseconds(300)], clock.Waits.ToArray());
    }

    [Fact]
    public async Task Faults_WithSkip_ShouldLetThatManyMatchingRequestsThroughFirst()
    {
        await _emulator.Http.PostAsJsonAsync("_emulator/faults", new { method = "GET", pathPrefix = "/api/v3/orgs/later", skip = 2, count = 1, status = 503 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await _emulator.Http.GetAsync("api/v3/orgs/later/actions/secrets")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, (await _emulator.Http.PostAsJsonAsync("_emulator/faults", new { skip = -1, status = 503 })).StatusCode);
    }

    [Fact]
    public async Task Clock_WithOffset_ShouldDateWhatIsWrittenThenUntilReset()
    {
        var clock = new ImmediateClock();
        await using var emulator = await EmulatorFixture.StartAsync(clock);

        var moved = await emulator.Http.PostAsJsonAsync("_emulator/clock", new { offsetSeconds = -864000 });
        await emulator.DefineEscAsync("dated", "values: {a: 1}\n");
        await emulator.Http.PostAsync("_emulator/reset", null);
        await emulator.DefineEscAsync("dated", "values: {a: 2}\n");
        var afterReset = JsonNode.Parse(await emulator.Http.GetStringAsync("_emulator/clock"))!;
        await emulator.Http.PostAsJsonAsync("_emulator/clock", new { offsetSeconds = -864000 });
        await emulator.SendYamlAsync(HttpMethod.Patch, "api/esc/environments/acme/app/dated", "values: {a: 3}\n");
        var versions = JsonNode.Parse(await emulator.Http.GetStringAsync("api/esc/environments/acme/app/dated/versions"))!.AsArray()
            .ToDictionary(v => (long)v!["number"]!, v => DateTimeOffset.Parse((string)v!["created"]!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(clock.GetUtcNow().AddDays(-10), DateTimeOffset.Parse((string)JsonNode.Parse(await moved.Content.ReadAsStringAsync())!["now"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, (double)afterReset["offsetSeconds"]!);
        Assert.Equal(clock.GetUtcNow(), versions[2]);
        Assert.Equal(clock.GetUtcNow().AddDays(-10), versions[3]);
        Assert.Equal(HttpStatusCode.BadRequest, (await emulator.Http.PostAsJsonAsync("_emulator/clock", new { offset = "soon" })).StatusCode);
    }

    [Fact]
    public async Task Reset_ShouldForgetEnvironmentsAndSecrets()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "token anything");
        await http.PostAsJsonAsync("api/esc/environments/r", new { project = "p", name = "e" });

        await http.PostAsync("_emulator/reset", null);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/esc/environments/r/p/e")).StatusCode);
        Assert.Single(JsonNode.Parse(await http.GetStringAsync("_emulator/requests"))!.AsArray());
        await host.StopAsync();
    }
}
