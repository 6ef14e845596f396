using SecretSync.Core.Checks.Drift;

namespace SecretSync.Core.Tests.Drift;

public sealed class DriftMarkdownTests
{
    [Fact]
    public void Format_WithDrift_ShouldHeadTheTableWithCounts()
    {
        var lines = DriftMarkdown.Format(new DriftScenario().GitHub("GONG_API_KEY").ReadEsc().Analyze());

        Assert.Equal("**Secret drift:** 2 of 2 secrets need attention (1 MissingRequired, 1 MissingInEsc).", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Equal("| Name | Status | Where | Hint |", lines[2]);
        Assert.Equal("|---|---|---|---|", lines[3]);
        Assert.StartsWith("| `LINEAR_API_KEY` | MissingRequired | Catalog | Required and set nowhere", lines[4], StringComparison.Ordinal);
        Assert.Equal("| `GONG_API_KEY` | MissingInEsc | Catalog,GitHub | In GitHub, not in ESC: Start-SophiaSecretSync -Wait |", lines[5]);
        Assert.Equal(6, lines.Count);
    }

    [Fact]
    public void Format_WithEverythingInSync_ShouldSaySo()
    {
        var lines = DriftMarkdown.Format(new DriftScenario().DotEnv("LINEAR_API_KEY", "v").Analyze(name => name == "LINEAR_API_KEY"));

        Assert.Equal("**Secret drift:** none (1 compared, all InSync).", lines[0]);
        Assert.Equal("| `LINEAR_API_KEY` | InSync | Catalog,DotEnv |  |", lines[4]);
    }

    [Fact]
    public void Format_WithPipesAndLineBreaks_ShouldKeepEachRowOneRowOfFourCells()
    {
        var record = new DriftRecord("A|B", [DriftStatus.NotInCatalog], "x | y\ny") { Sources = "DotEnv" };

        var row = DriftMarkdown.Format([record]).Last();

        Assert.Equal("| `A\\|B` | NotInCatalog | DotEnv | x \\| y y |", row);
    }
}
