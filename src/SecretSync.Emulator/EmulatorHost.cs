using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecretSync.Emulator.Esc;
using SecretSync.Emulator.GitHub;
using SecretSync.Emulator.Testing;

namespace SecretSync.Emulator;

/// <summary>Runs the emulator on Kestrel, loopback only. Used by Program and, in-process, by the contract tests.</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StatePersistence? _persistence;

    private EmulatorHost(WebApplication app, EmulatorState state, Uri baseAddress, StatePersistence? persistence)
    {
        _app = app;
        State = state;
        BaseAddress = baseAddress;
        _persistence = persistence;
    }

    /// <summary>e.g. <c>http://127.0.0.1:5123/</c> (with the trailing slash HttpClient and Octokit want).</summary>
    public Uri BaseAddress { get; }

    public EmulatorState State { get; }

    /// <param name="options">The command-line options.</param>
    /// <param name="clock">The host's time (default: the system's); tests pass a manual clock.</param>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();

        var state = new EmulatorState(options, clock);
        var persistence = options.StateDir is null ? null : new StatePersistence(state, options.StateDir);
        persistence?.Load();
        var gate = new ApiGate(state);
        app.Use(gate.InvokeAsync);
        EscEnvironmentRoutes.Map(app, state);
        EscOpenRoutes.Map(app, state);
        UserRoutes.Map(app);
        foreach (var prefix in new[] { "/api/v3", string.Empty })
        {
            OrgSecretRoutes.Map(app, state, prefix);
            RepositoryRoutes.Map(app, state, prefix);
            WorkflowRoutes.Map(app, state, prefix);
        }

        TestingRoutes.Map(app, state);
        app.MapFallback((HttpRequest request) => request.Path.StartsWithSegments("/api/esc", StringComparison.Ordinal)
            ? EscReplies.NotFound("route")
            : GitHubReplies.NotFound());

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorHost(app, state, new Uri($"http://127.0.0.1:{port}/"), persistence);
    }

    public async Task StopAsync()
    {
        await _app.StopAsync();
        _persistence?.Save();
    }

    public async ValueTask DisposeAsync()
    {
        _persistence?.Dispose();
        await _app.DisposeAsync();
    }
}
