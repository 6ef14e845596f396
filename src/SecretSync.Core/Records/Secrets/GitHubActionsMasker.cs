namespace SecretSync.Core.Records.Secrets;

/// <summary>
/// Registers values with the GitHub Actions runner (<c>::add-mask::</c>) before anything else is written, so a value
/// that leaks into a log later is shown as ***. Multi-line values are masked line by line because the runner
/// matches masks within a line.
/// </summary>
public sealed class GitHubActionsMasker
{
    private static readonly HashSet<string> s_masked = new(StringComparer.Ordinal);
    private readonly TextWriter _stdout;

    public GitHubActionsMasker(TextWriter stdout, bool enabled)
    {
        _stdout = stdout;
        Enabled = enabled;
    }

    /// <summary>True inside a GitHub Actions run.</summary>
    public bool Enabled { get; }

    /// <summary>A masker for this process: enabled when GITHUB_ACTIONS is "true".</summary>
    public static GitHubActionsMasker ForCurrentProcess() =>
        new(Console.Out, string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Masks every non-blank line of <paramref name="value"/> once per process.</summary>
    public void Mask(string? value)
    {
        if (!Enabled || string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (var line in value!.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            lock (s_masked)
            {
                if (!s_masked.Add(line))
                {
                    continue;
                }
            }

            // The runner unescapes %25, %0D and %0A in command data; escape % so a literal "%0A" stays literal.
            _stdout.WriteLine("::add-mask::" + line.Replace("%", "%25"));
        }

        _stdout.Flush();
    }
}
