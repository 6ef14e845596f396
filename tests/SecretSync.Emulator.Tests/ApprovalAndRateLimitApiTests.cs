namespace SecretSync.Emulator.Tests;

/// <summary>
/// Approval-gated environments answer as ESC does (409 on PATCH, pulumi/esc#650; 403 on open, pulumi/esc#668), and
/// rate-limit headers come on GitHub responses only (ESC sends none).
/// </summary>
public sealed class ApprovalAndRateLimitApiTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public ApprovalAndRateLimitApiTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task Patch_WhenUpdatesNeedApproval_ShouldBe409AndStoreNothing()
    {
        var etag = await CreateGated("gated-updates", updates: true, opens: false);

        var response = await Patch("gated-updates", "values:\n  a: 1\n", etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(409, (int)body["code"]!);
        Assert.Contains("requires updates to be approved via change request", (string)body["message"]!, System.StringComparison.Ordinal);
        var read = await _emulator.Http.GetAsync($"{Root}/acme/default/gated-updates");
        Assert.Equal("1", read.Headers.GetValues("Pulumi-ESC-Revision").Single());
        Assert.True((await _emulator.Http.PostAsync($"{Root}/acme/default/gated-updates/open?duration=1h", null)).IsSuccessStatusCode, "opens are not gated");
    }

    [Fact]
    public async Task Open_WhenOpensNeedApproval_ShouldBe403()
    {
        var etag = await CreateGated("gated-opens", updates: false, opens: true);

        var response = await _emulator.Http.PostAsync($"{Root}/acme/default/gated-opens/open?duration=1h", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("opens must be approved", (string)body["message"]!, System.StringComparison.Ordinal);
        Assert.True((await Patch("gated-opens", "values:\n  a: 1\n", etag)).IsSuccessStatusCode, "updates are not gated");
    }

    [Fact]
    public async Task Responses_ShouldCarryRateLimitHeadersOnGitHubOnly()
    {
        Assert.True((await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "default", name = "headers" })).IsSuccessStatusCode);

        var esc = await _emulator.Http.GetAsync($"{Root}/acme/default/headers");
        var gitHub = await _emulator.Http.GetAsync("api/v3/orgs/acme/actions/secrets/public-key");

        Assert.True(esc.IsSuccessStatusCode);
        Assert.DoesNotContain(esc.Headers, h => h.Key.StartsWith("x-ratelimit", System.StringComparison.OrdinalIgnoreCase));
        Assert.True(gitHub.IsSuccessStatusCode);
        Assert.Equal("5000", gitHub.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Single(gitHub.Headers.GetValues("x-ratelimit-reset"));
    }

    [Fact]
    public async Task Fault_WithResetSeconds_ShouldExhaustThePrimaryLimitWithoutRetryAfter()
    {
        var clock = new ImmediateClock();
        await using var emulator = await EmulatorFixture.StartAsync(clock);
        var fault = await emulator.Http.PostAsJsonAsync("_emulator/faults", new { pathPrefix = "/api/v3/orgs/limited", status = 429, resetSeconds = 30, message = "API rate limit exceeded for user ID 1." });
        Assert.True(fault.IsSuccessStatusCode);

        var response = await emulator.Http.GetAsync("api/v3/orgs/limited/actions/secrets");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("0", response.Headers.GetValues("x-ratelimit-remaining").Single());
        var reset = long.Parse(response.Headers.GetValues("x-ratelimit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds() + 30, reset);
    }

    private async Task<string> CreateGated(string name, bool updates, bool opens)
    {
        Assert.True((await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "default", name })).IsSuccessStatusCode);
        var gate = await _emulator.Http.PostAsJsonAsync("_emulator/esc/approvals", new { environment = $"acme/default/{name}", updates, opens });
        Assert.Equal(HttpStatusCode.NoContent, gate.StatusCode);
        var read = await _emulator.Http.GetAsync($"{Root}/acme/default/{name}");
        return read.Headers.ETag!.ToString();
    }

    private Task<HttpResponseMessage> Patch(string name, string yaml, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{Root}/acme/default/{name}") { Content = new StringContent(yaml, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("ETag", etag);
        return _emulator.Http.SendAsync(request);
    }
}
