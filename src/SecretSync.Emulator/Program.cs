using System.Runtime.InteropServices;

namespace SecretSync.Emulator;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{EmulatorOptions.Usage}");
            return 2;
        }

        if (options.Help)
        {
            await Console.Out.WriteLineAsync(EmulatorOptions.Usage);
            return 0;
        }

        await using var host = await EmulatorHost.StartAsync(options);
        // The first stdout line is the contract with the test helpers: they wait for it and parse the URL.
        Console.Out.WriteLine($"SecretSync emulator listening on {host.BaseAddress.GetLeftPart(UriPartial.Authority)}");
        Console.Out.Flush();

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (!options.IgnoreStdin)
        {
            // A parent that dies or closes our stdin must not leave an orphan emulator behind.
            _ = Task.Run(() =>
            {
                while (Console.In.ReadLine() is not null)
                {
                }

                stop.Cancel();
            });
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The normal way out: a signal or stdin closed.
        }

        await host.StopAsync();
        return 0;
    }
}
