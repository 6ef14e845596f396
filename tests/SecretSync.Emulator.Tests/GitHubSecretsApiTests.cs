using Octokit;
using Sodium;

namespace SecretSync.Emulator.Tests;

public sealed class GitHubSecretsApiTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly GitHubClient _github;

    public GitHubSecretsApiTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _github = emulator.GitHub();
    }

    [Fact]
    public async Task CreateOrUpdate_WithLibsodiumSealedValue_ShouldStoreWhatTheEmulatorOpens()
    {
        var secrets = _github.Organization.Actions.Secrets;
        var key = await secrets.GetPublicKey("acme");

        var secret = await secrets.CreateOrUpdate("acme", "API_TOKEN", Upsert(key, "s3cr3t $$ ünï", "private"));

        Assert.Equal("API_TOKEN", secret.Name);
        Assert.Equal("private", secret.Visibility);
        Assert.Equal(32, Convert.FromBase64String(key.Key).Length);
        Assert.Equal("s3cr3t $$ ünï", await ValueOf("API_TOKEN"));
    }

    [Fact]
    public async Task Put_WhenCreatingThenUpdating_ShouldBe201Then204WithLaterUpdatedAt()
    {
        var clock = new ImmediateClock();
        await using var emulator = await EmulatorFixture.StartAsync(clock);
        var github = emulator.GitHub();
        var key = await github.Organization.Actions.Secrets.GetPublicKey("acme");
        var uri = new Uri("orgs/acme/actions/secrets/ROTATED", UriKind.Relative);

        var created = await github.Connection.Put(uri, Upsert(key, "one", "all"));
        var first = await github.Organization.Actions.Secrets.Get("acme", "ROTATED");
        clock.Advance(TimeSpan.FromSeconds(1));
        var updated = await github.Connection.Put(uri, Upsert(key, "two", "all"));
        var second = await github.Organization.Actions.Secrets.Get("acme", "rotated");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.NoContent, updated);
        Assert.True(second.UpdatedAt > first.UpdatedAt);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("two", await ValueOf("ROTATED", emulator));
    }

    [Fact]
    public async Task Put_WithUnknownKeyIdOrUnopenableBox_ShouldBe422()
    {
        var key = await _github.Organization.Actions.Secrets.GetPublicKey("acme");
        var otherKey = PublicKeyBox.GenerateKeyPair();
        var wrongBox = Convert.ToBase64String(SealedPublicKeyBox.Create("x"u8.ToArray(), otherKey.PublicKey));

        await Assert.ThrowsAsync<ApiValidationException>(() => _github.Organization.Actions.Secrets.CreateOrUpdate(
            "acme", "BAD_KEY", new UpsertOrganizationSecret { EncryptedValue = Seal(key, "x"), KeyId = "123", Visibility = "all" }));
        await Assert.ThrowsAsync<ApiValidationException>(() => _github.Organization.Actions.Secrets.CreateOrUpdate(
            "acme", "BAD_BOX", new UpsertOrganizationSecret { EncryptedValue = wrongBox, KeyId = key.KeyId, Visibility = "all" }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(47)]
    public async Task Put_WithSealedBoxShorterThan48Bytes_ShouldBe422(int length)
    {
        // A sealed box is the 32-byte ephemeral key and the 16-byte MAC before any ciphertext (crypto_box_SEALBYTES).
        var key = await _github.Organization.Actions.Secrets.GetPublicKey("acme");
        var whole = SealedPublicKeyBox.Create("value"u8.ToArray(), Convert.FromBase64String(key.Key));
        var truncated = Convert.ToBase64String(whole.AsSpan(0, length).ToArray());

        var response = await _emulator.Http.PutAsJsonAsync("api/v3/orgs/acme/actions/secrets/SHORT_BOX", new { encrypted_value = truncated, key_id = key.KeyId, visibility = "all" });

        Assert.Equal(422, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("1ST")]
    [InlineData("HAS-DASH")]
    public async Task Put_WithInvalidName_ShouldBe422(string name)
    {
        var key = await _github.Organization.Actions.Secrets.GetPublicKey("acme");

        await Assert.ThrowsAsync<ApiValidationException>(() =>
            _github.Organization.Actions.Secrets.CreateOrUpdate("acme", name, Upsert(key, "x", "all")));
    }

    [Fact]
    public async Task SelectedRepositories_WhenSetThenValueUpdatedWithoutIds_ShouldBeClearedLikeGitHub()
    {
        var secrets = _github.Organization.Actions.Secrets;
        var key = await secrets.GetPublicKey("acme");
        var api = await _github.Repository.Get("acme", "api");
        var web = await _github.Repository.Get("acme", "web");
        Assert.Equal(api.Id, (await _github.Repository.Get("acme", "api")).Id);

        await secrets.CreateOrUpdate("acme", "SHARED", Upsert(key, "v1", "selected", api.Id));
        await secrets.SetSelectedRepositoriesForSecret("acme", "SHARED", new SelectedRepositoryCollection(new[] { api.Id, web.Id }));
        var selected = await secrets.GetSelectedRepositoriesForSecret("acme", "SHARED");
        var secret = await secrets.Get("acme", "SHARED");
        await _github.Connection.Put(new Uri("orgs/acme/actions/secrets/SHARED", UriKind.Relative), Upsert(key, "v2", "selected"));
        var cleared = await secrets.GetSelectedRepositoriesForSecret("acme", "SHARED");

        Assert.Equal(2, selected.Count);
        Assert.Equal(new[] { "acme/api", "acme/web" }, selected.Repositories.Select(r => r.FullName).OrderBy(n => n).ToArray());
        Assert.EndsWith("/api/v3/orgs/acme/actions/secrets/SHARED/repositories", secret.SelectedRepositoriesUrl);
        Assert.Equal(0, cleared.Count);
    }

    [Fact]
    public async Task RepositoryOrganizationSecrets_ShouldListWhatIsSharedWithTheRepositoryWithoutVisibility()
    {
        var secrets = _github.Organization.Actions.Secrets;
        var key = await secrets.GetPublicKey("shares");
        var app = await _github.Repository.Get("shares", "app");
        var other = await _github.Repository.Get("shares", "other");
        await secrets.CreateOrUpdate("shares", "D_SELECTED_ELSEWHERE", Upsert(key, "x", "selected", other.Id));
        await secrets.CreateOrUpdate("shares", "C_SELECTED_HERE", Upsert(key, "x", "selected", app.Id));
        await secrets.CreateOrUpdate("shares", "B_PRIVATE", Upsert(key, "x", "private"));
        await secrets.CreateOrUpdate("shares", "A_ALL", Upsert(key, "x", "all"));

        var listed = JsonNode.Parse(await _emulator.Http.GetStringAsync("api/v3/repos/shares/app/actions/organization-secrets"))!;

        Assert.Equal(3, (int)listed["total_count"]!);
        var items = listed["secrets"]!.AsArray();
        Assert.Equal(new[] { "A_ALL", "B_PRIVATE", "C_SELECTED_HERE" }, items.Select(i => (string)i!["name"]!).ToArray());
        Assert.All(items, i => Assert.Null(i!["visibility"]));
    }

    [Fact]
    public async Task Dispatch_WithMoreThan100SharedSecrets_ShouldGiveTheRunTheFirst100ByName()
    {
        var secrets = _github.Organization.Actions.Secrets;
        var key = await secrets.GetPublicKey("crowded");
        for (var i = 101; i >= 0; i--)
        {
            await secrets.CreateOrUpdate("crowded", $"S{i:000}", Upsert(key, "x", "all"));
        }

        (await _emulator.Http.PostAsJsonAsync("_emulator/github/repos", new { owner = "crowded", name = "app", workflows = new[] { "sync.yml" } })).EnsureSuccessStatusCode();
        var dispatched = await _emulator.Http.PostAsJsonAsync("api/v3/repos/crowded/app/actions/workflows/sync.yml/dispatches", new { @ref = "main", return_run_details = true });
        var runId = (long)JsonNode.Parse(await dispatched.Content.ReadAsStringAsync())!["workflow_run_id"]!;
        var seen = JsonNode.Parse(await _emulator.Http.GetStringAsync($"_emulator/github/repos/crowded/app/runs/{runId}/secrets"))!["seen"]!.AsArray();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"S{i:000}").ToArray(), seen.Select(n => (string)n!).ToArray());
    }

    [Fact]
    public async Task List_WithManySecrets_ShouldPageWithAbsoluteLinkHeaders()
    {
        var key = await _github.Organization.Actions.Secrets.GetPublicKey("paged");
        for (var i = 0; i < 7; i++)
        {
            await _github.Connection.Put(new Uri($"orgs/paged/actions/secrets/S{i}", UriKind.Relative), Upsert(key, "v", "private"));
        }

        var api = new ApiConnection(_github.Connection);
        var pages = await api.GetAll<OrganizationSecretsCollection>(
            new Uri("orgs/paged/actions/secrets", UriKind.Relative), null, new ApiOptions { PageSize = 3 });
        var firstPage = await _emulator.Http.GetAsync("api/v3/orgs/paged/actions/secrets?per_page=3");

        Assert.Equal(3, pages.Count);
        Assert.Equal(7, pages.SelectMany(p => p.Secrets).Select(s => s.Name).Distinct().Count());
        Assert.Equal(7, pages[0].Count);
        var link = firstPage.Headers.GetValues("Link").Single();
        Assert.Contains($"<{_emulator.BaseAddress}api/v3/orgs/paged/actions/secrets?per_page=3&page=2>; rel=\"next\"", link);
        Assert.Contains("page=3>; rel=\"last\"", link);
    }

    [Fact]
    public async Task Delete_WhenExists_ShouldBe204ThenGetIs404()
    {
        var key = await _github.Organization.Actions.Secrets.GetPublicKey("acme");
        await _github.Organization.Actions.Secrets.CreateOrUpdate("acme", "DOOMED", Upsert(key, "x", "all"));

        await _github.Organization.Actions.Secrets.Delete("acme", "DOOMED");

        await Assert.ThrowsAsync<NotFoundException>(() => _github.Organization.Actions.Secrets.Get("acme", "DOOMED"));
        await Assert.ThrowsAsync<NotFoundException>(() => _github.Organization.Actions.Secrets.Delete("acme", "DOOMED"));
    }

    [Fact]
    public async Task RepositorySecrets_WithOctokit_ShouldCreateListGetAndDelete()
    {
        var secrets = _github.Repository.Actions.Secrets;
        var key = await secrets.GetPublicKey("acme", "svc");

        await secrets.CreateOrUpdate("acme", "svc", "DB_PASSWORD", new UpsertRepositorySecret { EncryptedValue = Seal(key, "pw"), KeyId = key.KeyId });
        var all = await secrets.GetAll("acme", "svc");
        var value = JsonNode.Parse(await _emulator.Http.GetStringAsync("_emulator/github/repos/acme/svc/secrets/DB_PASSWORD/value"))!;
        await secrets.Delete("acme", "svc", "DB_PASSWORD");

        Assert.Equal("DB_PASSWORD", Assert.Single(all.Secrets).Name);
        Assert.Equal("pw", (string)value["value"]!);
        Assert.Empty((await secrets.GetAll("acme", "svc")).Secrets);
    }

    [Fact]
    public async Task Responses_ShouldCarryRateLimitHeadersAndJsonContentType()
    {
        await _github.Organization.Actions.Secrets.GetPublicKey("acme");
        var response = await _emulator.Http.GetAsync("api/v3/orgs/acme/actions/secrets/public-key");

        Assert.Equal(5000, _github.GetLastApiInfo().RateLimit.Limit);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.Contains("x-ratelimit-remaining"));
    }

    [Fact]
    public async Task Request_WithBearerToken_ShouldBeAcceptedAndWithWrongTokenRejected()
    {
        using var bearer = new HttpClient { BaseAddress = _emulator.BaseAddress };
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EmulatorFixture.Token);
        using var wrong = new HttpClient { BaseAddress = _emulator.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", "nope");

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("api/v3/orgs/acme/actions/secrets")).StatusCode);
        var rejected = await wrong.GetAsync("api/v3/orgs/acme/actions/secrets");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("Bad credentials", (string)(await rejected.Content.ReadFromJsonAsync<JsonObject>())!["message"]!);
    }

    private static string Seal(SecretsPublicKey key, string value) =>
        Convert.ToBase64String(SealedPublicKeyBox.Create(System.Text.Encoding.UTF8.GetBytes(value), Convert.FromBase64String(key.Key)));

    private static UpsertOrganizationSecret Upsert(SecretsPublicKey key, string value, string visibility, params long[] repositoryIds) => new()
    {
        EncryptedValue = Seal(key, value),
        KeyId = key.KeyId,
        Visibility = visibility,
        SelectedRepositoriesIds = repositoryIds.Length == 0 ? null : repositoryIds,
    };

    private async Task<string> ValueOf(string name, EmulatorFixture? emulator = null) =>
        (string)JsonNode.Parse(await (emulator ?? _emulator).Http.GetStringAsync($"_emulator/github/orgs/acme/secrets/{name}/value"))!["value"]!;
}
