namespace SecretSync.Core.Tests.Configuration;

public sealed class EnvironmentRefTests
{
    [Theory]
    [InlineData("ai-cherry/sophia-production", "ai-cherry/default/sophia-production")]
    [InlineData("acme/app/dev", "acme/app/dev")]
    [InlineData(" acme/app/dev.v2 ", "acme/app/dev.v2")]
    public void Parse_WithValidReference_ShouldFillTheDefaultProject(string value, string expected)
    {
        Assert.Equal(expected, EnvironmentRef.Parse(value).ToString());
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("a/b/c/d")]
    [InlineData("acme/")]
    [InlineData("acme/my env")]
    [InlineData("")]
    public void Parse_WithMalformedReference_ShouldSayTheExpectedForm(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => EnvironmentRef.Parse(value));

        Assert.Contains("org/env or org/project/env", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiPath_WithDots_ShouldEscapeSegments()
    {
        Assert.Equal("acme/default/dev.v2", EnvironmentRef.Parse("acme/dev.v2").ApiPath);
        Assert.Equal("default/dev.v2", EnvironmentRef.Parse("acme/dev.v2").QualifiedName);
    }

    [Theory]
    [InlineData("acme/../x", "project '..'")]
    [InlineData("acme/./x", "project '.'")]
    [InlineData("acme/..", "environment '..'")]
    [InlineData("acme/.", "environment '.'")]
    [InlineData("acme/app/open", "'open' is reserved")]
    [InlineData("acme/yaml", "'yaml' is reserved")]
    [InlineData("ab/prod", "organisation 'ab'")]
    [InlineData("-acme/prod", "organisation '-acme'")]
    [InlineData("acme.corp/prod", "organisation 'acme.corp'")]
    [InlineData("acme/app%2Fx/prod", "project 'app%2Fx'")]
    public void Parse_WithNameEscRefuses_ShouldSayWhichRule(string value, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => EnvironmentRef.Parse(value));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-b/x")]
    [InlineData("acme_1/proj.v2/env-3_b")]
    [InlineData("acme/default/openai")]
    [InlineData("acme/.hidden.env")]
    public void Parse_WithNameEscAccepts_ShouldParse(string value)
    {
        Assert.NotNull(EnvironmentRef.Parse(value));
    }

    [Fact]
    public void Parse_OrgEnv_ShouldBeTheLegacyDefaultProjectLikeOrgDefaultEnv()
    {
        Assert.Equal(EnvironmentRef.Parse("acme/default/prod"), EnvironmentRef.Parse("acme/prod"));
        Assert.Equal("acme/default/prod", EnvironmentRef.Parse("acme/prod").ApiPath);
    }
}
