using System;
using System.Globalization;

namespace SecretSync.Emulator;

/// <summary>Command line: <c>[--port 0] [--token T] [--latency-ms N] [--run-seconds N] [--state-dir DIR] [--ignore-stdin] [--enterprise-server]</c>.</summary>
internal sealed record EmulatorOptions
{
    public int Port { get; init; }

    /// <summary>The only token accepted; null accepts any non-empty token.</summary>
    public string? Token { get; init; }

    public int LatencyMs { get; init; }

    /// <summary>How long a dispatched workflow run takes until it completes (default 2 s).</summary>
    public double RunSeconds { get; init; } = 2;

    public string? StateDir { get; init; }

    /// <summary>Do not stop when standard input closes (for starts with stdin at /dev/null).</summary>
    public bool IgnoreStdin { get; init; }

    /// <summary>
    /// Answer workflow dispatches as GitHub Enterprise Server 3.19/3.20 does: 422 for the return_run_details key,
    /// which only github.com knows (benc-uk/workflow-dispatch#86, cli/cli#12672).
    /// </summary>
    public bool EnterpriseServer { get; init; }

    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--port" => options with { Port = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--token" => options with { Token = Next() },
                "--latency-ms" => options with { LatencyMs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--run-seconds" => options with { RunSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--state-dir" => options with { StateDir = Next() },
                "--ignore-stdin" => options with { IgnoreStdin = true },
                "--enterprise-server" => options with { EnterpriseServer = true },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        return options;
    }
}
