using System.Diagnostics;
using System.Runtime.InteropServices;
using SecretSync.Core.Checks.Leaks;
using SecretSync.Core.Tests.Files;

namespace SecretSync.Core.Tests.Leaks;

public sealed class LeakScannerSpecialFileTests
{
    private const string Value = "sk-live/Abc+123 xyz";

    [Fact]
    public async Task Scan_WithFifoInTheTree_ShouldFinishAndStillFindTheRegularFiles()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("app.py", "key = \"" + Value + "\"\n");
        var fifo = Path.Combine(folder.Path, "pipe.env");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var options = new LeakScanOptions { Detectors = LeakScanner.DefaultDetectors([new("PLANTED_API_KEY", Value)], NullSyncReporter.Instance) };
        var scan = Task.Run(() => new LeakScanner(NullSyncReporter.Instance).Scan(folder.Path, options, CancellationToken.None));
        bool finished = await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(30))) == scan;
        if (!finished)
        {
            // Opening the writing end releases a reader blocked in open(2), so the test run itself can end.
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        Assert.True(finished, "the scan blocked on a FIFO");
        Assert.Contains(await scan, f => f.File == "app.py" && f.Name == "PLANTED_API_KEY");
    }
}
