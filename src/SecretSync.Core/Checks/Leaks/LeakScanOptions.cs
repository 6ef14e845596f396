namespace SecretSync.Core.Checks.Leaks;

/// <summary>What <see cref="LeakScanner"/> scans and with which detectors.</summary>
public sealed class LeakScanOptions
{
    /// <summary>Files over this size are skipped (bytes).</summary>
    public const long DefaultMaxFileSize = 5 * 1024 * 1024;

    /// <summary>In a git repository, also scan untracked files that are not ignored.</summary>
    public bool IncludeUntracked { get; init; }

    /// <summary>Files larger than this are skipped.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>The checks to run; see <see cref="LeakScanner.DefaultDetectors"/>.</summary>
    public IReadOnlyList<ILeakDetector> Detectors { get; init; } = [];

    /// <summary>Files scanned at once; the processor count by default.</summary>
    public int MaxParallelism { get; init; } = System.Environment.ProcessorCount;
}
