using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Tests.DotEnv;

public sealed class DotEnvDialectComparisonTests
{
    private static DotEnvDialectComparison Compare(string text) =>
        DotEnvDialectComparison.Compare(text, ".env", DotEnvReader.NoEnvironment);

    [Fact]
    public void Compare_WithFileBothReadAlike_ShouldFindNothing()
    {
        var result = Compare("A_TOKEN=plain\nB_TOKEN='single $X'\nC_TOKEN=\"a\\nb\"\n# c\n");

        Assert.Empty(result.Differences);
        Assert.Null(result.DotNetEnvError);
    }

    [Theory]
    [InlineData("LINEAR_API_KEY=pa$word", "LINEAR_API_KEY", 1)]
    [InlineData("A=1\nGONG_TOKEN=\"a\\x41\"", "GONG_TOKEN", 2)]
    [InlineData("OK=1\nX_SECRET=${MISSING_5E2B:-d}", "X_SECRET", 2)]
    [InlineData("X_SECRET=#hash", "X_SECRET", 1)]
    public void Compare_WithValueDialectsReadDifferently_ShouldNameKeyAndLine(string text, string key, int line)
    {
        var difference = Assert.Single(Compare(text).Differences);

        Assert.Equal((key, line), (difference.Key, difference.Line));
        Assert.Equal(".env:" + line, difference.Origin);
        Assert.DoesNotContain("word", difference.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WithFileDotNetEnvRejects_ShouldNameEveryKeyAndTheError()
    {
        var result = Compare("A_TOKEN=1\nB_TOKEN='it\\'s'\nC_TOKEN=3\n");

        Assert.Equal(["A_TOKEN", "B_TOKEN", "C_TOKEN"], result.Differences.Select(d => d.Key));
        Assert.Equal(2, result.DotNetEnvError!.Line);
        Assert.All(result.Differences, d => Assert.True(d.DotNetEnvRejectsFile));
    }

    [Fact]
    public void Compare_WithKeyOnlyPythonSees_ShouldSayDotNetEnvDoesNotSetIt()
    {
        // python-dotenv reads '\'' as an escaped quote inside A; DotNetEnv closes A there and B's quote swallows KEY.
        var difference = Assert.Single(Compare("A='a\\'\nB='\nX_TOKEN=v\n#'\n").Differences, d => d.Key == "X_TOKEN");

        Assert.False(difference.SetInDotNetEnv);
    }
}
