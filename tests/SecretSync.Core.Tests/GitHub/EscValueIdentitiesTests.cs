using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Tests.GitHub;

public sealed class EscValueIdentitiesTests
{
    private const string Definition =
        "values:\n" +
        "  a:\n" +
        "    literal: {fn::secret: {ciphertext: Y2lwaGVy}}\n" +
        "    encoded:\n" +
        "      fn::fromBase64:\n" +
        "        fn::secret: {ciphertext: b3RoZXI=}\n" +
        "    reference: ${other.key}\n" +
        "    wrapped:\n" +
        "      fn::secret: ${other.key}\n";

    private static readonly EscValueIdentities s_identities = EscValueIdentities.Of(
        new EscDefinition(Definition, "etag", 3),
        EscEvaluatedEnvironment.Parse("{\"properties\":{\"a\":{\"value\":{" +
            "\"literal\":{\"value\":\"v\",\"secret\":true},\"encoded\":{\"value\":\"w\",\"secret\":true}," +
            "\"reference\":{\"value\":\"r\",\"secret\":true},\"wrapped\":{\"value\":\"r\",\"secret\":true}}}}}"));

    [Theory]
    [InlineData("a.literal", "v", true)]
    [InlineData("a.encoded", "w", true)]
    [InlineData("a.literal", "not the value", false)]
    [InlineData("a.reference", "r", false)]
    [InlineData("a.wrapped", "r", false)]
    [InlineData("a.missing", "v", false)]
    [InlineData(null, "v", false)]
    public void IdentityOf_ShouldNameOnlyLiteralSecretsWithThatValue(string? path, string value, bool identified)
    {
        Assert.Equal(identified, s_identities.IdentityOf(path, value) is not null);
    }

    [Fact]
    public void IdentityOf_ShouldDifferForOtherCiphertext()
    {
        Assert.NotEqual(s_identities.IdentityOf("a.literal"), s_identities.IdentityOf("a.encoded"));
        Assert.Equal(64, s_identities.IdentityOf("a.literal")!.Length);
    }
}
