using SecretSync.Core.Planning.Sync;

namespace SecretSync.Core.Tests.Sync;

public sealed class SyncInputTests
{
    private static readonly SecretCatalog s_catalog = SecretCatalog.Build([("BuiltIn", "catalog", [new CatalogEntryDefinition { Name = "LAMBDA_LABS_API_KEY" }])]);

    private static SecretRecord Record(string name, string? value, string origin = "test") =>
        new(name, SecretSource.DotEnv, origin, value is null ? null : SecretRecord.Protect(value));

    [Fact]
    public void From_WithDuplicates_ShouldKeepTheLastAndNameDisagreeingOrigins()
    {
        var input = SyncInput.From([Record("A_API_KEY", "one", ".env:1"), Record("B_TOKEN", "b"), Record("A_API_KEY", "two", "prod.env:3")], s_catalog);

        Assert.Equal(["A_API_KEY", "B_TOKEN"], input.Desired.Select(d => d.Name));
        Assert.Equal("two", input.RecordsByName["A_API_KEY"].RevealValue());
        var (name, origins) = Assert.Single(input.Disagreements);
        Assert.Equal("A_API_KEY", name);
        Assert.Equal(".env:1, prod.env:3", origins);
        Assert.DoesNotContain("one", origins, StringComparison.Ordinal);
    }

    [Fact]
    public void From_WithEmptyValue_ShouldReportItMissingAndPlanToKeepWhatEscHolds()
    {
        var input = SyncInput.From([Record("A_API_KEY", string.Empty, ".env:1"), Record("B_TOKEN", "b"), Record("B_TOKEN", string.Empty, "template.env:2")], s_catalog);

        Assert.Equal(["A_API_KEY"], input.Empty);
        Assert.Equal(1, input.WriteCount);
        Assert.Equal("b", input.RecordsByName["B_TOKEN"].RevealValue());
        Assert.True(Assert.Single(input.Desired, d => d.Name == "A_API_KEY").KeepsCurrent);
    }

    [Fact]
    public void From_WithEmptyValueAllowed_ShouldWriteIt()
    {
        var input = SyncInput.From([Record("A_API_KEY", string.Empty)], s_catalog, allowEmpty: true);

        Assert.Empty(input.Empty);
        Assert.Equal(string.Empty, Assert.Single(input.Desired).Value);
    }

    [Fact]
    public void From_WithSameValueTwice_ShouldNotReportDisagreement()
    {
        var input = SyncInput.From([Record("A_API_KEY", "same"), Record("A_API_KEY", "same")], s_catalog);

        Assert.Empty(input.Disagreements);
        Assert.Single(input.Desired);
    }

    [Fact]
    public void From_WithoutValueOrWithBadName_ShouldSetThemAside()
    {
        var input = SyncInput.From([Record("GH_ONLY_TOKEN", null), Record("bad-name", "v"), Record("LAMBDA_LABS_API_KEY", "v")], s_catalog);

        Assert.Equal(["GH_ONLY_TOKEN"], input.WithoutValue);
        Assert.Equal("bad-name", Assert.Single(input.Invalid).Record.Name);
        Assert.Equal("lambda_labs.lambda_labs_api_key", Assert.Single(input.Desired).Path.ToString());
    }

    [Fact]
    public void From_WithValueHoldingALoneSurrogate_ShouldSetItAsideAndKeepTheOthers()
    {
        var input = SyncInput.From([Record("BROKEN_API_KEY", "ab\ud800cd"), Record("LAMBDA_LABS_API_KEY", "fine \U0001F511")], s_catalog);

        Assert.Equal("BROKEN_API_KEY", Assert.Single(input.Unrepresentable).Name);
        Assert.Equal("LAMBDA_LABS_API_KEY", Assert.Single(input.Desired).Name);
    }
}
