using SecretSync.Core.Checks.Drift;
using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Tests.Drift;

public sealed class DriftDialectTests
{
    private static DriftInput Input(params DotEnvDialectDifference[] differences) => new(DriftScenario.Catalog)
    {
        Records = [new SecretRecord("GONG_API_KEY", SecretSource.DotEnv, ".env:2", "pa$word"), new SecretRecord("LINEAR_API_KEY", SecretSource.DotEnv, ".env:1", "plain")],
        DotEnvFileCount = 1,
        DotEnvDialectDifferences = differences,
    };

    [Fact]
    public void Analyze_WithKeyTheDialectsReadDifferently_ShouldReportDialectMismatchWithHint()
    {
        var records = DriftAnalyzer.Analyze(Input(new DotEnvDialectDifference("GONG_API_KEY", "/p/.env", 2, setInPython: true, setInDotNetEnv: true, dotNetEnvRejectsFile: false)));

        var gong = records.Single(r => r.Name == "GONG_API_KEY");
        Assert.Equal(DriftStatus.DialectMismatch, gong.StatusKind);
        Assert.Contains(".env:2", gong.Hint, StringComparison.Ordinal);
        Assert.Contains("DotNetEnv", gong.Hint, StringComparison.Ordinal);
        Assert.Equal(DriftStatus.InSync, records.Single(r => r.Name == "LINEAR_API_KEY").StatusKind);
    }

    [Fact]
    public void Analyze_WithoutDialectDifferences_ShouldNotReportDialectMismatch()
    {
        Assert.DoesNotContain(DriftAnalyzer.Analyze(Input()), r => r.Has([DriftStatus.DialectMismatch]));
    }

    [Fact]
    public void DialectMismatch_ShouldRankBetweenValueMismatchAndStale()
    {
        Assert.True(DriftStatus.DialectMismatch > DriftStatus.ValueMismatch && DriftStatus.DialectMismatch < DriftStatus.Stale);
    }
}
