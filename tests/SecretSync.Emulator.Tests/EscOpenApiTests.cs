namespace SecretSync.Emulator.Tests;

public sealed class EscOpenApiTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public EscOpenApiTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task Open_WithReferencesAndBuiltins_ShouldEvaluateLikeEsc()
    {
        await _emulator.DefineEscAsync("eval", """
            values:
              host: example.com
              port: 8080
              url: "https://${host}:${port}/x"
              copy: ${port}
              price: "cost $$5, lone $ and $${not}"
              list: [a, "${host}"]
              nested: {deep: {"k.x": [10, 20]}}
              pick: ${nested.deep["k.x"][1]}
              joined: {fn::join: ["-", "${list}"]}
              b64: {fn::toBase64: abc}
              str: {fn::toString: "${port}"}
              environmentVariables:
                HOST: ${host}
            """);

        var properties = await OpenAndRead("eval");

        Assert.Equal("https://example.com:8080/x", Value(properties, "url"));
        Assert.Equal(8080, (int)properties["copy"]!["value"]!);
        Assert.Equal("cost $5, lone $ and ${not}", Value(properties, "price"));
        Assert.Equal("example.com", (string)properties["list"]!["value"]![1]!["value"]!);
        Assert.Equal(20, (int)properties["pick"]!["value"]!);
        Assert.Equal("a-example.com", Value(properties, "joined"));
        Assert.Equal("YWJj", Value(properties, "b64"));
        Assert.Equal("8080", Value(properties, "str"));
        Assert.Equal("example.com", (string)properties["environmentVariables"]!["value"]!["HOST"]!["value"]!);
        Assert.Equal(4, (int)properties["url"]!["trace"]!["def"]!["begin"]!["line"]!);
    }

    [Fact]
    public async Task Open_WithStoredSecret_ShouldReturnTheRawStringAndCarrySecretness()
    {
        await _emulator.DefineEscAsync("secrets", """
            values:
              pw: {fn::secret: "pa$$word"}
              raw: {fn::fromBase64: {fn::secret: "JHtub3R9"}}
              ref: ${pw}
              text: "pw=${pw}"
              env:
                PW: {fn::toBase64: "${pw}"}
            """);

        var properties = await OpenAndRead("secrets");

        Assert.Equal("pa$$word", Value(properties, "pw"));
        Assert.True((bool)properties["pw"]!["secret"]!);
        Assert.Equal("${not}", Value(properties, "raw"));
        Assert.True((bool)properties["raw"]!["secret"]!);
        Assert.True((bool)properties["ref"]!["secret"]!);
        Assert.Equal("pw=pa$$word", Value(properties, "text"));
        Assert.True((bool)properties["text"]!["secret"]!);
        Assert.True((bool)properties["env"]!["value"]!["PW"]!["secret"]!);
    }

    [Fact]
    public async Task Open_WithImports_ShouldMergeInOrderThenOwnValues()
    {
        await _emulator.DefineEscAsync("base", "values:\n  a: base\n  obj: {x: 1, y: 1}\n  s: {fn::secret: s3cret}\n");
        await _emulator.DefineEscAsync("mid", "values:\n  a: mid\n  obj: {y: 2}\n");
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "default", name = "bare" });
        await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/default/bare", "values: {b: bare}\n");
        await _emulator.DefineEscAsync("top", "imports:\n  - app/base\n  - app/mid\n  - bare\nvalues:\n  obj: {z: 3}\n  ref: ${a}\n");

        var properties = await OpenAndRead("top");

        Assert.Equal("mid", Value(properties, "a"));
        Assert.Equal("mid", Value(properties, "ref"));
        Assert.Equal("bare", Value(properties, "b"));
        var obj = properties["obj"]!["value"]!;
        Assert.Equal(1, (int)obj["x"]!["value"]!);
        Assert.Equal(2, (int)obj["y"]!["value"]!);
        Assert.Equal(3, (int)obj["z"]!["value"]!);
        Assert.Equal("s3cret", Value(properties, "s"));
        Assert.True((bool)properties["s"]!["secret"]!);
    }

    [Fact]
    public async Task Read_WithPropertyQuery_ShouldReturnOneValue()
    {
        await _emulator.DefineEscAsync("prop", "values:\n  a: {b: [x, {c: deep}]}\n");
        var id = await _emulator.OpenEscAsync("prop");

        var value = JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/acme/app/prop/open/{id}?property=a.b[1].c"))!;
        var missing = await _emulator.Http.GetAsync($"{Root}/acme/app/prop/open/{id}?property=a.nope");

        Assert.Equal("deep", (string)value["value"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Read_WithUnknownOrExpiredId_ShouldBe404()
    {
        var clock = new ImmediateClock();
        await using var emulator = await EmulatorFixture.StartAsync(clock);
        await emulator.DefineEscAsync("expire", "values: {a: 1}\n");
        var response = await emulator.Http.PostAsync($"{Root}/acme/app/expire/open?duration=10s", null);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        clock.Advance(System.TimeSpan.FromSeconds(9));
        var beforeExpiry = await emulator.Http.GetAsync($"{Root}/acme/app/expire/open/{id}");
        clock.Advance(System.TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Http.GetAsync($"{Root}/acme/app/expire/open/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Http.GetAsync($"{Root}/acme/app/expire/open/nope")).StatusCode);
    }

    [Fact]
    public async Task Open_WithCycle_ShouldBe400WithDiagnostic()
    {
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name = "cycle" });
        var saved = await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/cycle", "values:\n  a: ${b}\n  b: ${a}\n");

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains("cyclic", await saved.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("false", null)]
    [InlineData("true", "1234")]
    public async Task Check_WithStoredCiphertext_ShouldHideOrShowSecret(string showSecrets, string? expected)
    {
        var yaml = "values:\n  pw: {fn::secret: {ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==}}\n  plain: \"a$$b\"\n";

        var response = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check?showSecrets={showSecrets}", yaml);
        var properties = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["properties"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)properties["pw"]!["secret"]!);
        Assert.Equal(expected, (string?)properties["pw"]!["value"]);
        Assert.Equal(expected is null, properties["pw"]!["unknown"] is not null);
        Assert.Equal("a$b", Value(properties, "plain"));
    }

    [Fact]
    public async Task Check_WithPlaintextSecret_ShouldEvaluateItAsAnUnescapedLiteral()
    {
        var response = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check?showSecrets=true", "values:\n  pw: {fn::secret: \"pa$$word\"}\n");

        var properties = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["properties"]!;
        Assert.Equal("pa$word", Value(properties, "pw"));
    }

    [Fact]
    public async Task Check_WithUnknownReference_ShouldBe400UnknownProperty()
    {
        var response = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check", "values:\n  foo: ${bar}\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown property \\u0022bar\\u0022", await response.Content.ReadAsStringAsync());
    }

    private static string? Value(JsonNode properties, string name) => (string?)properties[name]!["value"];

    [Fact]
    public async Task ReadOpen_ShouldCarryNoRevisionHeaders_AndAVersionOpenIsThatRevision()
    {
        await _emulator.DefineEscAsync("revisioned", "values:\n  a: one\n");
        await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/revisioned", "values:\n  a: two\n");
        var id = await _emulator.OpenEscAsync("revisioned");
        var opened = await _emulator.Http.PostAsync($"{Root}/acme/app/revisioned/versions/2/open?duration=2h0m0s", null);
        var versionId = (string)JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["id"]!;

        using var read = await _emulator.Http.GetAsync($"{Root}/acme/app/revisioned/open/{id}");
        var atTwo = JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/acme/app/revisioned/open/{versionId}"))!["properties"]!;

        Assert.False(read.Headers.Contains("Pulumi-ESC-Revision"));
        Assert.Null(read.Headers.ETag);
        Assert.Equal("one", Value(atTwo, "a"));
    }

    [Fact]
    public async Task Open_WithImportOfBareName_ShouldResolveItInTheLegacyDefaultProject()
    {
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "default", name = "shared" });
        await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/default/shared", "values:\n  region: eu\n");
        await _emulator.DefineEscAsync("importer", "imports:\n  - shared\nvalues:\n  own: x\n");

        var properties = await OpenAndRead("importer");

        Assert.Equal("eu", Value(properties, "region"));
    }

    private async Task<JsonNode> OpenAndRead(string name)
    {
        var id = await _emulator.OpenEscAsync(name);
        return JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/acme/app/{name}/open/{id}"))!["properties"]!;
    }
}
