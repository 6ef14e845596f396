namespace SecretSync.Core.Checks.Leaks;

/// <summary>
/// One kind of check run on every scanned file. The scanner reads each file once and calls every detector from
/// several threads at once, so implementations must be thread-safe (keep no per-file state in fields).
/// Add detectors through <see cref="LeakScanOptions.Detectors"/>.
/// </summary>
public interface ILeakDetector
{
    /// <summary>Findings in <paramref name="file"/>; never the value itself.</summary>
    IEnumerable<LeakFinding> Inspect(LeakScanFile file);
}
