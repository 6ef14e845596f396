using Microsoft.Extensions.Hosting;

namespace SecretSync.Emulator;

/// <summary>
/// Replaces ConsoleLifetime: Program decides when to stop (Ctrl+C, SIGTERM, stdin closed), and in-process test hosts
/// must not hook the test runner's signals.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
