namespace SecretSync.Core.Tests.Secrets;

public sealed class KnownValueSpellingsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("prefix:")]
    public void Of_WithValueInsideLongerBase64AtAnyAlignment_ShouldHaveAMatchingSpelling(string prefix)
    {
        const string value = "ghp_0123456789abcdefXYZ";
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + value + "-suffix"));

        var spellings = KnownValueSpellings.Of("GH_TOKEN", value, 8).Where(p => p.Spelling == ValueSpelling.Base64);

        Assert.Contains(spellings, p => blob.Contains(p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Of_WithPlainTokenNeedingNoEscapes_ShouldNotRepeatVerbatimAsUrlEncoded()
    {
        var spellings = KnownValueSpellings.Of("A_TOKEN", "abcdefgh", 8).ToList();

        Assert.Single(spellings, p => p.Text == "abcdefgh");
        Assert.DoesNotContain(spellings, p => p.Spelling == ValueSpelling.UrlEncoded);
        Assert.All(spellings, p => Assert.Equal("A_TOKEN", p.Name));
    }
}
