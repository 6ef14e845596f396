using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Octokit;
using Octokit.Internal;
using Xunit;

namespace SecretSync.Emulator.Tests;

/// <summary>One in-process emulator per test class, on an ephemeral loopback port, with a fixed token.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Token = "test-token";

    private EmulatorHost? _host;

    internal EmulatorHost Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Host.BaseAddress;

    public HttpClient Http { get; private set; } = new();

    public HttpClient Anonymous { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Token = Token, RunSeconds = 1 });
        Http = new HttpClient { BaseAddress = BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Token);
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
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

    /// <summary>The real Octokit client; <c>new Connection(header, baseUri)</c> keeps the base URL as given.</summary>
    public GitHubClient GitHub() => new(new Connection(
        new Octokit.ProductHeaderValue("SecretSync.Emulator.Tests"),
        new Uri(BaseAddress, "api/v3/"),
        new InMemoryCredentialStore(new Credentials(Token))));
}
