namespace SecretSync.Emulator.Tests;

/// <summary>
/// The four calls of Pulumi's official Node SDK (@pulumi/esc-sdk) that the emulator answered unlike the service
/// (issue 13 item 14; reference pulumi-esc-api.md §3 #12 and #17, §10.5, §10.6).
/// </summary>
public sealed class EscSdkShapesTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public EscSdkShapesTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task ReadProperty_WithTheSdksDoubleSlashPath_ShouldReturnTheValue()
    {
        await _emulator.DefineEscAsync("double", "values:\n  pulumiConfig: {foo: bar}\n");
        var id = await _emulator.OpenEscAsync("double");

        // readOpenEnvironmentProperty builds ".../open//{id}?property=" (the spec's path); the service answers it.
        using var request = new HttpRequestMessage(HttpMethod.Get, new System.Uri(_emulator.BaseAddress, $"{Root}/acme/app/double/open//{id}?property=pulumiConfig.foo"));
        Assert.Contains("/open//", request.RequestUri!.AbsolutePath, System.StringComparison.Ordinal);
        using var response = await _emulator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bar", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]);
    }

    [Fact]
    public async Task Versions_WithBeforeZero_ShouldStartAtTheLatest()
    {
        await _emulator.DefineEscAsync("history", "values: {a: 1}\n");
        await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/history", "values: {a: 2}\n");

        var list = JsonNode.Parse(await _emulator.Http.GetStringAsync($"{Root}/acme/app/history/versions?before=0&count=2"))!.AsArray();

        Assert.Equal(new[] { 3, 2 }, list.Select(r => (int)r!["number"]!).ToArray());
    }

    [Fact]
    public async Task Patch_WithoutWarnings_ShouldOmitDiagnostics()
    {
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name = "clean" });

        var response = await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/clean", "values: {a: 1}\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Patch_WithWarnings_ShouldStillListThem()
    {
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name = "warned" });

        var response = await _emulator.SendYamlAsync(HttpMethod.Patch, $"{Root}/acme/app/warned", "values: {a: 1}\nvalues: {a: 2}\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("warning", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["diagnostics"]![0]!["severity"]);
    }

    [Fact]
    public async Task OpenAndCheck_OfAnEmptyEnvironment_ShouldOmitProperties()
    {
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name = "empty" });
        var id = await _emulator.OpenEscAsync("empty");

        var read = await _emulator.Http.GetStringAsync($"{Root}/acme/app/empty/open/{id}");
        var check = await _emulator.SendYamlAsync(HttpMethod.Post, $"{Root}/acme/yaml/check", "values: {}\n");

        Assert.Equal("{}", read);
        Assert.Equal("{}", await check.Content.ReadAsStringAsync());
    }
}
