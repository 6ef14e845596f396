namespace SecretSync.Emulator.Tests;

/// <summary>
/// How ESC evaluates <c>imports</c> (issue 17: shared base environments), from pulumi/esc@5e20cf80
/// <c>ast/environment.go</c> (ImportDecl.parse, parseRecord, exprFieldTypeMismatchError) and <c>eval/eval.go</c>
/// (evaluateImports, evaluateImport: an imported environment's own diagnostics are reported as they are), and the
/// golden cases eval/testdata/eval/{imports, import-cycle, import-invalid, invalid-import}. Our own cases.
/// </summary>
public sealed class EscImportFidelityTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public EscImportFidelityTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Theory]
    [InlineData("imports:\n  - {app/a: {}, app/b: {}}\n", 2, "import must have a single key")]
    [InlineData("imports:\n  - [app/a]\n", 2, "import must be a string or an object")]
    [InlineData("imports:\n  - app/base: {merge: \"false\"}\n", 2, "merge must be a boolean value")]
    [InlineData("imports:\n  - app/base: nope\n", 2, "import must be an object")]
    [InlineData("imports:\n  - app/nowhere\n", 2, "unknown environment \"app/nowhere\"")]
    public async Task Patch_WithAnImportEscRefuses_ShouldBe400WithTheDiagnostic(string yaml, int line, string summary)
    {
        await _emulator.DefineEscAsync("base", "values:\n  shared: yes\n");
        await Create("importer");

        var response = await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/importer", yaml);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var diagnostic = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["diagnostics"]![0]!;
        Assert.Equal(summary, (string?)diagnostic["summary"]);
        Assert.Equal(line, (int)diagnostic["range"]!["begin"]!["line"]!);
    }

    [Fact]
    public async Task Check_WithImportOfABrokenEnvironment_ShouldReportItsOwnDiagnostic()
    {
        // middle imports leaf; leaf is deleted afterwards, so middle no longer evaluates.
        await _emulator.DefineEscAsync("leaf", "values:\n  x: 1\n");
        await _emulator.DefineEscAsync("middle", "imports:\n  - app/leaf\nvalues:\n  y: 2\n");
        (await _emulator.Http.DeleteAsync($"{Root}/acme/app/leaf")).EnsureSuccessStatusCode();

        var response = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check", "imports:\n  - app/middle\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var diagnostic = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["diagnostics"]![0]!;
        Assert.Equal("unknown environment \"app/leaf\"", (string?)diagnostic["summary"]);
        Assert.Equal("app/middle", (string?)diagnostic["range"]!["environment"]);
    }

    [Fact]
    public async Task Check_WithImportAndOwnValue_ShouldPutTheOwnValueOnTop()
    {
        await _emulator.DefineEscAsync("common", "values:\n  svc:\n    key: {fn::secret: from-base}\n    other: base-only\n");

        var response = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check?showSecrets=true", "imports:\n  - app/common\nvalues:\n  svc:\n    key: {fn::secret: mine}\n");

        var properties = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["properties"]!;
        Assert.Equal("mine", (string?)properties["svc"]!["value"]!["key"]!["value"]);
        Assert.Equal("base-only", (string?)properties["svc"]!["value"]!["other"]!["value"]);
        Assert.True((bool)properties["svc"]!["value"]!["key"]!["secret"]!);
    }

    private Task<HttpResponseMessage> Create(string name) =>
        _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name });
}
