namespace SecretSync.Emulator.Tests;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public void Parse_WithAllOptions_ShouldReadThem()
    {
        var options = EmulatorOptions.Parse(["--port", "5055", "--token", "T", "--latency-ms", "7", "--run-seconds", "0.5", "--state-dir", "/tmp/x", "--ignore-stdin", "--enterprise-server"]);

        Assert.Equal(new EmulatorOptions { Port = 5055, Token = "T", LatencyMs = 7, RunSeconds = 0.5, StateDir = "/tmp/x", IgnoreStdin = true, EnterpriseServer = true }, options);
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--bogus"]));
    }

    [Fact]
    public async Task LatencyMs_ShouldDelayApiRequestsButNotTestEndpoints()
    {
        // The waits are read from the emulator's clock, not measured: a loaded machine makes any request slow.
        var clock = new ImmediateClock();
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { LatencyMs = 200 }, clock);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "token any");

        await http.GetAsync("api/esc/environments");
        var afterApi = clock.Waits.ToArray();
        await http.GetAsync("_emulator/requests");

        Assert.Equal([TimeSpan.FromMilliseconds(200)], afterApi);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], clock.Waits.ToArray());
        await host.StopAsync();
    }

    [Fact]
    public async Task StateDir_AfterRestart_ShouldKeepEnvironmentsAndSecrets()
    {
        var directory = Path.Combine(Path.GetTempPath(), "secretsync-emulator-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new EmulatorOptions { StateDir = directory };
            string keyId;
            await using (var first = await EmulatorHost.StartAsync(options))
            {
                using var http = Client(first);
                await http.PostAsJsonAsync("api/esc/environments/acme", new { project = "p", name = "e" });
                await http.PatchAsync("api/esc/environments/acme/p/e", new StringContent("values: {a: {fn::secret: kept}}\n"));
                var key = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("api/v3/orgs/acme/actions/secrets/public-key");
                keyId = (string)key!["key_id"]!;
                var sealedBox = Sodium.SealedPublicKeyBox.Create("v"u8.ToArray(), Convert.FromBase64String((string)key["key"]!));
                var put = await http.PutAsJsonAsync("api/v3/orgs/acme/actions/secrets/KEPT", new { encrypted_value = Convert.ToBase64String(sealedBox), key_id = keyId, visibility = "all" });
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
                await first.StopAsync();
            }

            await using var second = await EmulatorHost.StartAsync(options);
            using var again = Client(second);
            var decrypted = await again.GetStringAsync("api/esc/environments/acme/p/e/decrypt");
            var value = await again.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("_emulator/github/orgs/acme/secrets/KEPT/value");
            var sameKey = await again.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("api/v3/orgs/acme/actions/secrets/public-key");

            Assert.Contains("\"kept\"", decrypted);
            Assert.Equal("v", (string)value!["value"]!);
            Assert.Equal(keyId, (string)sameKey!["key_id"]!);
            await second.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static HttpClient Client(EmulatorHost host)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "token any");
        return http;
    }
}
