namespace SecretSync.Emulator;

/// <summary>The command line; <see cref="Usage"/> lists every option <see cref="Parse"/> knows.</summary>
internal sealed record EmulatorOptions
{
    /// <summary>What --help prints. tests/pester/Emulator.Tests.ps1 checks it names every option of <see cref="Parse"/>.</summary>
    public const string Usage = """
        usage: SecretSync.Emulator [options]
          --port N             TCP port on 127.0.0.1 (default 0: a free port, printed on the first line)
          --token T            the only token accepted (default: any non-empty token)
          --latency-ms N       delay every reply by N ms
          --run-seconds N      how long a dispatched workflow run takes until it completes (default 2)
          --state-dir DIR      keep the state in DIR across restarts (default: in memory only)
          --ignore-stdin       keep running when standard input closes (for starts with stdin at /dev/null,
                               e.g. nohup or a service); without it, closing stdin stops the emulator
          --enterprise-server  answer workflow dispatches as GitHub Enterprise Server 3.19/3.20 does
          --help, -h           print this help and exit
        """;

    /// <summary>--help was given: print <see cref="Usage"/> and exit.</summary>
    public bool Help { get; init; }

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
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }

        return options;
    }
}
