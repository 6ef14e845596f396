namespace SecretSync.Core.Checks.Leaks;

/// <summary>Reports .env files that git tracks: <c>.env</c>, <c>*.env</c>, <c>.env.*</c>, except templates and examples.</summary>
internal sealed class TrackedDotEnvDetector : ILeakDetector
{
    private static readonly string[] s_valueFree = [".env.template", ".env.example", ".env.sample"];

    /// <summary>True for a file name that holds .env values by convention.</summary>
    public static bool IsDotEnvName(string fileName)
    {
        foreach (var free in s_valueFree)
        {
            if (fileName.Equals(free, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return fileName.Equals(".env", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
            || fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public IEnumerable<LeakFinding> Inspect(LeakScanFile file)
    {
        var name = file.RelativePath.Substring(file.RelativePath.LastIndexOf('/') + 1);
        return file.IsTracked && IsDotEnvName(name) ? [new LeakFinding(file.RelativePath, 0, name, LeakKind.TrackedDotEnv)] : [];
    }
}
