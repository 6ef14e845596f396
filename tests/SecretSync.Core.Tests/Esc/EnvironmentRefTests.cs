using System;
using SecretSync.Core.Esc;
using Xunit;

namespace SecretSync.Core.Tests.Esc;

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
        Assert.Equal("default/dev.v2", EnvironmentRef.Parse("acme/dev.v2").DiagnosticName);
    }
}
