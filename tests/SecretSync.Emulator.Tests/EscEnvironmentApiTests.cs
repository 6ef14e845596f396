namespace SecretSync.Emulator.Tests;

public sealed class EscEnvironmentApiTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public EscEnvironmentApiTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task Get_WithoutToken_ShouldBe401WithJsonError()
    {
        var response = await _emulator.Anonymous.GetAsync(Root);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(401, (int)body["code"]!);
    }

    [Fact]
    public async Task Create_WhenEnvironmentExists_ShouldBe409()
    {
        Assert.True((await Create("dup")).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await Create("dup")).StatusCode);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("yaml")]
    [InlineData("bad name")]
    public async Task Create_WithReservedOrInvalidName_ShouldBe400(string name)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(name)).StatusCode);
    }

    [Fact]
    public async Task Get_WhenCreated_ShouldBeEmptyRevision1WithETag()
    {
        await Create("fresh");

        var response = await _emulator.Http.GetAsync($"{Root}/acme/app/fresh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Pulumi-ESC-Revision").Single());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Patch_WithPlaintextSecret_ShouldStoreCiphertextAndKeepCommentsAndOrder()
    {
        await Create("store");
        const string Yaml = "# keep me\nvalues:\n  a: 'quoted'   # and me\n  pw:\n    fn::secret: \"pa$$word\"\n  flow: {fn::secret: hunter2}\n  z: 1\n";

        var patch = await Patch("store", Yaml);
        var stored = await _emulator.Http.GetStringAsync($"{Root}/acme/app/store");
        var decrypted = await _emulator.Http.GetStringAsync($"{Root}/acme/app/store/decrypt");

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("2", patch.Headers.GetValues("Pulumi-ESC-Revision").Single());
        Assert.DoesNotContain("hunter2", stored);
        Assert.DoesNotContain("pa$$word", stored);
        // Re-encoded as ESC stores it (EscStorageTests has the details).
        Assert.StartsWith("# keep me\nvalues:\n  a: 'quoted' # and me\n  pw:\n    fn::secret:\n      ciphertext: ZXNj", stored);
        Assert.Contains("  flow: {'fn::secret': {ciphertext: ZXNj", stored);
        Assert.EndsWith("}}\n  z: 1\n", stored);
        Assert.Equal("# keep me\nvalues:\n  a: 'quoted' # and me\n  pw:\n    fn::secret: \"pa$$word\"\n  flow: {'fn::secret': \"hunter2\"}\n  z: 1\n", decrypted);
    }

    [Fact]
    public async Task Patch_WithStaleETag_ShouldBe409AndWithoutETagLastWriteWins_AndIfMatchIsNotTheConcurrencyHeader()
    {
        await Create("etag");
        var first = await _emulator.Http.GetAsync($"{Root}/acme/app/etag");
        var etag = first.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await Patch("etag", "values: {a: 1}\n", etag)).StatusCode);

        var stale = await Patch("etag", "values: {a: 2}\n", etag);
        var staleIfMatch = await Send(HttpMethod.Patch, "etag", "values: {a: 3}\n", ("If-Match", etag));
        var unconditional = await Patch("etag", "values: {a: 4}\n");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(409, (int)JsonNode.Parse(await stale.Content.ReadAsStringAsync())!["code"]!);
        Assert.Equal(HttpStatusCode.OK, staleIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unconditional.StatusCode);
        Assert.Equal("4", unconditional.Headers.GetValues("Pulumi-ESC-Revision").Single());
    }

    [Fact]
    public async Task Patch_WithStaleETagAndInvalidDefinition_ShouldBe409BeforeDiagnostics()
    {
        await Create("order");
        var etag = (await _emulator.Http.GetAsync($"{Root}/acme/app/order")).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await Patch("order", "values: {a: 1}\n", etag)).StatusCode);

        var response = await Patch("order", "values:\n  foo: ${bar}\n", etag);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-acme")]
    [InlineData("acme.corp")]
    public async Task Create_InOrganizationWithInvalidName_ShouldBe400(string organization)
    {
        var response = await _emulator.Http.PostAsJsonAsync($"{Root}/{organization}", new { project = "app", name = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("values:\n  a: [1, 2\n", 3)]
    [InlineData("values:\n  a:\n    fn::secret: [x]\n", 3)]
    [InlineData("values:\n  a:\n    fn::secret: \"${b}\"\n  b: x\n", 3)]
    [InlineData("values:\n  a:\n    fn::secret: 1234\n", 3)]
    [InlineData("values:\n  foo: ${bar}\n", 2)]
    public async Task Patch_WithInvalidDefinition_ShouldBe400WithDiagnosticRange(string yaml, int line)
    {
        await Create("invalid");

        var response = await Patch("invalid", yaml);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)body["code"]!);
        var diagnostic = body["diagnostics"]![0]!;
        Assert.False(string.IsNullOrEmpty((string?)diagnostic["summary"]));
        Assert.Equal(line, (int)diagnostic["range"]!["begin"]!["line"]!);
        Assert.True((int)diagnostic["range"]!["begin"]!["column"]! >= 1);
    }

    [Fact]
    public async Task Patch_WithNonLiteralSecret_ShouldSaySecretValuesMustBeStringLiterals()
    {
        await Create("literal");

        var body = await (await Patch("literal", "values:\n  a:\n    fn::secret: [x]\n")).Content.ReadAsStringAsync();

        Assert.Contains("secret values must be string literals", body);
    }

    [Fact]
    public async Task Versions_AfterTwoPatches_ShouldListNewestFirstAndServeOldRevisions()
    {
        await Create("history");
        await Patch("history", "values: {a: 1}\n");
        await Patch("history", "values: {a: 2}\n");

        var list = JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/acme/app/history/versions"))!.AsArray();
        var second = await _emulator.Http.GetAsync($"{Root}/acme/app/history/versions/2");
        var missing = await _emulator.Http.GetAsync($"{Root}/acme/app/history/versions/9");

        Assert.Equal(new[] { 3, 2, 1 }, list.Select(r => (int)r!["number"]!).ToArray());
        Assert.Equal("latest", (string)list[0]!["tags"]![0]!);
        Assert.Equal("values: {a: 1}\n", await second.Content.ReadAsStringAsync());
        Assert.Equal("2", second.Headers.GetValues("Pulumi-ESC-Revision").Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task List_WithMaxResults_ShouldPageWithNextToken()
    {
        for (var i = 0; i < 3; i++)
        {
            await _emulator.Http.PostAsJsonAsync($"{Root}/paged", new { project = "p", name = $"e{i}" });
        }

        var first = JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/paged?maxResults=2"))!;
        var second = JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/paged?maxResults=2&continuationToken={first["nextToken"]}"))!;
        var all = JsonNode.Parse(await _emulator.Http.GetStringAsync(Root))!;

        Assert.Equal(2, first["environments"]!.AsArray().Count);
        Assert.Equal("e2", (string)second["environments"]![0]!["name"]!);
        Assert.Equal(string.Empty, (string)second["nextToken"]!);
        Assert.Contains(all["environments"]!.AsArray(), e => (string)e!["organization"]! == "paged");
    }

    [Fact]
    public async Task Delete_WhenExists_ShouldRemoveIt()
    {
        await Create("gone");

        var deleted = await _emulator.Http.DeleteAsync($"{Root}/acme/app/gone");
        var after = await _emulator.Http.GetAsync($"{Root}/acme/app/gone");

        Assert.True(deleted.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(404, (int)JsonNode.Parse(await after.Content.ReadAsStringAsync())!["code"]!);
    }

    private Task<HttpResponseMessage> Create(string name) =>
        _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name });

    private Task<HttpResponseMessage> Patch(string name, string yaml, string? etag = null) =>
        etag is null ? Send(HttpMethod.Patch, name, yaml) : Send(HttpMethod.Patch, name, yaml, ("ETag", etag));

    private Task<HttpResponseMessage> Send(HttpMethod method, string name, string yaml, params (string Name, string Value)[] headers)
    {
        // The ESC CLI labels YAML bodies application/json; the emulator must not care.
        var request = new HttpRequestMessage(method, $"{Root}/acme/app/{name}") { Content = new StringContent(yaml, Encoding.UTF8, "application/json") };
        foreach (var (headerName, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(headerName, value);
        }

        return _emulator.Http.SendAsync(request);
    }
}
