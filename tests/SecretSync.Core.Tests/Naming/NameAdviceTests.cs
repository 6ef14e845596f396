namespace SecretSync.Core.Tests.Naming;

public sealed class NameAdviceTests
{
    private static readonly SecretCatalog s_catalog = SecretCatalog.Build(
    [
        (CatalogEntry.BuiltInOrigin, "test-catalog.json", new List<CatalogEntryDefinition>
        {
            new() { Name = "LINEAR_API_KEY" },
            new() { Name = "SLACK_BOT_TOKEN" },
            new() { Name = "SLACK_APP_TOKEN" },
            new() { Name = "AI_API_KEY", Service = "AI" },
        }),
    ]);

    [Theory]
    [InlineData("LINEAR_APY_KEY", "LINEAR_API_KEY")]
    [InlineData("LINEAR_API_KY", "LINEAR_API_KEY")]
    [InlineData("linear_api_key", "LINEAR_API_KEY")]
    [InlineData("SLACK_BOT_TOKNE", "SLACK_BOT_TOKEN")]
    [InlineData("LINEAR_API_KEY", null)]
    [InlineData("GONG_API_KEY", null)]
    [InlineData("ACME_API_KEY", null)]
    [InlineData("AI_KEY", null)]
    public void LikelyTypoOf_WithName_ShouldGiveNearestCataloguedName(string name, string? expected)
    {
        Assert.Equal(expected, NameAdvice.LikelyTypoOf(name, s_catalog));
    }

    [Fact]
    public void Check_WithInvalidNameNearACataloguedOne_ShouldSuggestTheCataloguedName()
    {
        var check = NameAdvice.Check("LINEAR_API_KY", s_catalog);

        Assert.False(check.IsValid);
        Assert.Equal("LINEAR_API_KEY", check.SuggestedName);
        Assert.EndsWith("did you mean LINEAR_API_KEY?", check.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LINEAR_API_KY_API_KEY", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithValidUncataloguedTypo_ShouldStayValidButSuggest()
    {
        var check = NameAdvice.Check("LINEAR_APY_KEY", s_catalog);

        Assert.True(check.IsValid);
        Assert.Equal("LINEAR_API_KEY", check.SuggestedName);
        Assert.Contains("did you mean LINEAR_API_KEY?", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithInvalidNameFarFromTheCatalog_ShouldKeepTheConventionSuggestion()
    {
        var check = NameAdvice.Check("linear-token", s_catalog);

        Assert.Equal("LINEAR_TOKEN", check.SuggestedName);
    }

    [Fact]
    public void Check_WithCataloguedName_ShouldUseItsService()
    {
        var check = NameAdvice.Check("AI_API_KEY", s_catalog);

        Assert.True(check.IsValid);
        Assert.Null(check.SuggestedName);
        Assert.Equal("AI", check.Service);
    }
}
