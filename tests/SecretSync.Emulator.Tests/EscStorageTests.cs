namespace SecretSync.Emulator.Tests;

/// <summary>
/// ESC stores what its own YAML encoder writes, not the bytes sent (pulumi/esc eval/crypt.go rewriteYAML: decode, then
/// gopkg.in/yaml.v3 encode with indent 2; syntax/encoding/yaml.go MarshalYAML). Issue 13 item 12; docs/SERVICES.md.
/// </summary>
public sealed class EscStorageTests : IClassFixture<EmulatorFixture>
{
    private const string Root = "api/esc/environments";
    private readonly EmulatorFixture _emulator;

    public EscStorageTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
    }

    [Fact]
    public async Task Patch_ShouldStoreTheDefinitionReencodedLikeEsc()
    {
        const string Sent = """
            # keep me
            values:
                # and me
                svc:
                    port: "8080"
                    flag: "true"
                    word: "yes"
                    list:
                    - a
                    - 'b'   # inline


                    pw:
                        fn::secret: "pa$$word"
                flow: {fn::secret: hunter2}
                z: 1
            """;

        Assert.Equal(HttpStatusCode.OK, (await Patch("reencode", Sent)).StatusCode);
        var stored = await _emulator.Http.GetStringAsync($"{Root}/acme/app/reencode");
        var decrypted = await _emulator.Http.GetStringAsync($"{Root}/acme/app/reencode/decrypt");

        // Indent 2, comments and key order kept, blank lines gone, number- and bool-like strings single-quoted,
        // a block secret stored as a block ciphertext mapping, a flow one inside its flow mapping.
        Assert.Matches(
            "^# keep me\nvalues:\n  # and me\n  svc:\n    port: '8080'\n    flag: 'true'\n    word: \"yes\"\n    list:\n      - a\n      - 'b' # inline\n"
            + "    pw:\n      fn::secret:\n        ciphertext: ZXNj[A-Za-z0-9+/=]+\n  flow: \\{'fn::secret': \\{ciphertext: ZXNj[A-Za-z0-9+/=]+\\}\\}\n  z: 1\n$",
            stored);
        Assert.Equal(
            "# keep me\nvalues:\n  # and me\n  svc:\n    port: '8080'\n    flag: 'true'\n    word: \"yes\"\n    list:\n      - a\n      - 'b' # inline\n"
            + "    pw:\n      fn::secret: \"pa$$word\"\n  flow: {'fn::secret': \"hunter2\"}\n  z: 1\n",
            decrypted);
    }

    [Fact]
    public async Task Patch_OfTheStoredText_ShouldStoreItUnchanged()
    {
        await Patch("stable", "values:\n    a: {fn::secret: x}\n    b: \"1.5\"\n");
        var first = await _emulator.Http.GetStringAsync($"{Root}/acme/app/stable");

        await Patch("stable", first);

        Assert.Equal(first, await _emulator.Http.GetStringAsync($"{Root}/acme/app/stable"));
    }

    [Fact]
    public async Task Patch_WithAnAlias_ShouldBe400LikeEsc()
    {
        var response = await Patch("alias", "values:\n  a: &x hello\n  b: *x\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("alias nodes are not supported", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["diagnostics"]![0]!["summary"]);
    }

    private async Task<HttpResponseMessage> Patch(string name, string yaml)
    {
        await _emulator.Http.PostAsJsonAsync($"{Root}/acme", new { project = "app", name });
        return await _emulator.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"{Root}/acme/app/{name}") { Content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml") });
    }
}
