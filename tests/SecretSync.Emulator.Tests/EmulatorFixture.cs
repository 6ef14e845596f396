using System.Net.Http.Headers;
using Octokit;
using Octokit.Internal;

namespace SecretSync.Emulator.Tests;

/// <summary>One in-process emulator per test class, on an ephemeral loopback port, with a fixed token.</summary>
public sealed class EmulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string Token = "test-token";

    private readonly TimeProvider? _clock;
    private EmulatorHost? _host;

    public EmulatorFixture()
        : this(null)
    {
    }

    /// <summary>An emulator whose time is <paramref name="clock"/>'s (a <see cref="ImmediateClock"/>): start it with <see cref="StartAsync"/>.</summary>
    internal EmulatorFixture(TimeProvider? clock)
    {
        _clock = clock;
    }

    internal EmulatorHost Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    public HttpClient Http { get; private set; } = new();

    public HttpClient Anonymous { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Token = Token, RunSeconds = 1 }, _clock);
        Http = new HttpClient { BaseAddress = BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Token);
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>A started emulator on <paramref name="clock"/>, for a test whose checks depend on time; dispose it at the end.</summary>
    internal static async Task<EmulatorFixture> StartAsync(ImmediateClock clock)
    {
        var emulator = new EmulatorFixture(clock);
        await emulator.InitializeAsync();
        return emulator;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Creates ESC environment acme/app/<paramref name="name"/> and saves <paramref name="yaml"/> as its definition.</summary>
    public async Task DefineEscAsync(string name, string yaml)
    {
        await Http.PostAsJsonAsync("api/esc/environments/acme", new { project = "app", name });
        var response = await SendYamlAsync(HttpMethod.Patch, $"api/esc/environments/acme/app/{name}", yaml);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens ESC environment acme/app/<paramref name="name"/> and returns the open's id.</summary>
    public async Task<string> OpenEscAsync(string name)
    {
        var response = await Http.PostAsync($"api/esc/environments/acme/app/{name}/open?duration=2h0m0s", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>Sends <paramref name="yaml"/> as an ESC definition body.</summary>
    public Task<HttpResponseMessage> SendYamlAsync(HttpMethod method, string path, string yaml) =>
        Http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml") });

    /// <summary>The real Octokit client; <c>new Connection(header, baseUri)</c> keeps the base URL as given.</summary>
    public GitHubClient GitHub() => new(new Connection(
        new Octokit.ProductHeaderValue("SecretSync.Emulator.Tests"),
        new Uri(BaseAddress, "api/v3/"),
        new InMemoryCredentialStore(new Credentials(Token))));
}
