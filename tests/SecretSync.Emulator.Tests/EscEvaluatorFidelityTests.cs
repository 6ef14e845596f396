namespace SecretSync.Emulator.Tests;

/// <summary>
/// Where the emulator's evaluator differed from ESC's (issue 13 item 15). The behaviour comes from the golden cases
/// of pulumi/esc eval/testdata/eval (duplicate-keys, reserved-keys, invalid-object-key, secret-objects, merge-base,
/// builtin-split, imports) at pulumi/esc@5e20cf80; these cases are our own, written to the same rules, not copies.
/// </summary>
public sealed class EscEvaluatorFidelityTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public EscEvaluatorFidelityTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Theory]
    [InlineData("values:\n  token: one\n  token: two\n", 3, "duplicate key \"token\"")]
    [InlineData("values:\n  svc:\n    key: one\n    key: two\n", 4, "duplicate key \"key\"")]
    [InlineData("values:\n  context: x\n", 2, "\"context\" is a reserved key")]
    [InlineData("values:\n  imports: {a: 1}\n", 2, "\"imports\" is a reserved key")]
    [InlineData("values:\n  environments: y\n", 2, "\"environments\" is a reserved key")]
    [InlineData("values:\n  name: k\n  map: {\"${name}\": v}\n", 3, "object keys must be strings")]
    [InlineData("values:\n  fn::secret: top\n", 2, "builtin function call \"fn::secret\" not allowed at the top level")]
    public async Task Patch_WithWhatEscRefuses_ShouldBe400WithTheDiagnostic(string yaml, int line, string summary)
    {
        await Create("refused");

        var response = await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/refused", yaml);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var diagnostic = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["diagnostics"]![0]!;
        Assert.Equal(summary, (string?)diagnostic["summary"]);
        Assert.Equal(line, (int)diagnostic["range"]!["begin"]!["line"]!);
    }

    [Fact]
    public async Task Patch_WithDuplicateTopLevelKey_ShouldOnlyWarn()
    {
        await Create("toplevel");

        var response = await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/toplevel", "values: {a: 1}\nvalues: {a: 2}\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Check_WithNestedReservedName_ShouldAcceptIt()
    {
        // Only the top level of values is reserved.
        var properties = await Check("values:\n  svc:\n    context: fine\n");

        Assert.Equal("fine", (string?)properties["svc"]!["value"]!["context"]!["value"]);
    }

    [Fact]
    public async Task Check_WithFromJsonOfSecret_ShouldMakeContainersSecretToo()
    {
        var properties = await Check("""
            values:
              blob: {fn::secret: '{"user":"u","list":["p"]}'}
              parsed: {fn::fromJSON: "${blob}"}
              picked: ${parsed.list}
            """);

        Assert.True((bool)properties["parsed"]!["secret"]!);
        Assert.True((bool)properties["parsed"]!["value"]!["user"]!["secret"]!);
        Assert.True((bool)properties["parsed"]!["value"]!["list"]!["secret"]!);
        Assert.True((bool)properties["picked"]!["secret"]!);
    }

    [Fact]
    public async Task Check_WithEmptySplitDelimiter_ShouldSplitIntoCharacters()
    {
        var properties = await Check("""
            values:
              chars: {fn::split: ["", "añ😀"]}
              none: {fn::split: [",", ""]}
            """);

        Assert.Equal(new[] { "a", "ñ", "😀" }, properties["chars"]!["value"]!.AsArray().Select(i => (string)i!["value"]!).ToArray());
        Assert.Equal(new[] { string.Empty }, properties["none"]!["value"]!.AsArray().Select(i => (string)i!["value"]!).ToArray());
    }

    [Fact]
    public async Task Check_WithReferenceOverAnImportedObject_ShouldMergeOntoIt()
    {
        await _emulator.DefineEscAsync("base", "values:\n  target: {kept: from-base, both: base}\n  source: {extra: base-extra}\n");

        var properties = await Check("""
            imports:
              - app/base
            values:
              source: {both: mine, own: yes}
              target: ${source}
            """);

        var target = properties["target"]!["value"]!;
        var source = properties["source"]!["value"]!;
        Assert.Equal("from-base", (string?)target["kept"]!["value"]);
        Assert.Equal("mine", (string?)target["both"]!["value"]);
        Assert.Equal("base-extra", (string?)target["extra"]!["value"]);
        Assert.Null(source["kept"]);
        Assert.Equal("base-extra", (string?)source["extra"]!["value"]);
    }

    [Fact]
    public async Task Check_WithImportsReference_ShouldReachAnImportThatIsNotMerged()
    {
        await _emulator.DefineEscAsync("side", "values:\n  region: eu-west-1\n");

        var properties = await Check("""
            imports:
              - app/side: {merge: false}
            values:
              region: ${imports["app/side"].region}
            """);

        Assert.Equal("eu-west-1", (string?)properties["region"]!["value"]);
        Assert.Single(properties.AsObject());
    }

    private async Task<JsonNode> Check(string yaml)
    {
        var response = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check?showSecrets=true", yaml);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["properties"]!;
    }

    private Task<HttpResponseMessage> Create(string name) =>
        _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name });
}
