namespace SecretSync.Core.Tests.Naming;

public sealed class NamePatternSetTests
{
    [Theory]
    [InlineData("*_API_KEY", "LINEAR_API_KEY", true)]
    [InlineData("*_API_KEY", "linear_api_key", true)]
    [InlineData("*_API_KEY", "LINEAR_API_KEYS", false)]
    [InlineData("*_API_KEY", "_API_KEY", true)]
    [InlineData("STAGING_*", "STAGING_TOKEN", true)]
    [InlineData("STAGING_*", "XSTAGING_TOKEN", false)]
    [InlineData("*PAY*", "STRIPE_PAYMENT_KEY", true)]
    [InlineData("*PAY*", "STRIPE_KEY", false)]
    [InlineData("DATABASE_URL", "database_url", true)]
    [InlineData("DATABASE_URL", "DATABASE_URL2", false)]
    [InlineData("*", "ANYTHING", true)]
    [InlineData("DB_?_URL", "DB_1_URL", true)]
    [InlineData("DB_?_URL", "DB_12_URL", false)]
    [InlineData("*_KEY_*_ID", "A_KEY_B_ID", true)]
    [InlineData("*_KEY_*_ID", "A_KEY_B_IDX", false)]
    [InlineData("A.B", "AXB", false)]
    public void IsMatch_ShouldMatchWildcardsCaseInsensitively(string pattern, string name, bool expected) =>
        Assert.Equal(expected, new NamePatternSet([pattern]).IsMatch(name));
}
