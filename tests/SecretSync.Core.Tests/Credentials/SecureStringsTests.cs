using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Tests.Credentials;

public sealed class SecureStringsTests
{
    [Fact]
    public void From_WithValueOfMaxLength_ShouldRoundTrip()
    {
        var value = new string('é', SecureStrings.MaxLength);

        Assert.Equal(value, SecureStrings.Reveal(SecureStrings.From(value)));
    }

    [Fact]
    public void From_WithValueLongerThanSecureStringHolds_ShouldThrowSecretValueTooLongWithoutTheValue()
    {
        var value = "canary-" + new string('x', SecureStrings.MaxLength);

        var thrown = Assert.Throws<SecretValueTooLongException>(() => SecureStrings.From(value));

        Assert.Equal(value.Length, thrown.Length);
        Assert.DoesNotContain("canary-", thrown.Message);
        Assert.Contains("65,536", thrown.Message);
    }

    [Fact]
    public void WithValue_WithValueTooLong_ShouldNameTheSecretAndKeepTheInnerException()
    {
        var factory = new SecretRecordFactory(SecretCatalog.Build([]), new GitHubActionsMasker(new StringWriter(), false));

        var thrown = Assert.Throws<SecretValueTooLongException>(() => factory.WithValue("HUGE_PRIVATE_KEY", SecretSource.Esc, "esc", "canary-" + new string('x', 70000)));

        Assert.Equal("HUGE_PRIVATE_KEY", thrown.SecretName);
        Assert.StartsWith("HUGE_PRIVATE_KEY: the value is 70,007 characters", thrown.Message);
        Assert.DoesNotContain("canary-", thrown.Message);
        Assert.IsType<SecretValueTooLongException>(thrown.InnerException);
    }
}
