using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SecretSync.Emulator.Tests;

/// <summary>The built dll as a child process: the first-line contract, the token, and shutdown when stdin closes.</summary>
public sealed class EmulatorProcessTests
{
    [Fact]
    public async Task Run_WithPortZero_ShouldPrintUrlFirstAndExitWhenStdinCloses()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SecretSync.Emulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--port", "0", "--token", "proc-token" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(firstLine ?? string.Empty, @"^SecretSync emulator listening on (http://127\.0\.0\.1:\d+)$");
            Assert.True(match.Success, firstLine);
            using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value + "/") };

            var anonymous = await http.GetAsync("api/esc/environments");
            http.DefaultRequestHeaders.Add("Authorization", "token proc-token");
            var authorized = await http.GetAsync("api/esc/environments");
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
