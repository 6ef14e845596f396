using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscBookkeepingTests
{
    [Fact]
    public void SetSecret_OnDocumentWithSecrets_ShouldAddTheEntryAndKeepEverythingElse()
    {
        const string definition = "# comment\nvalues:\n  linear:\n    linear_api_key:\n      fn::secret: {ciphertext: ZXNj}\n  environmentVariables:\n    LINEAR_API_KEY: ${linear.linear_api_key}\n";

        var result = EscBookkeeping.SetSecret(definition, EscBookkeeping.GitHubPushesKey, "{\"a\":\"${x}\"}");

        Assert.StartsWith("# comment\nvalues:\n  linear:\n    linear_api_key:\n      fn::secret: {ciphertext: ZXNj}\n", result, System.StringComparison.Ordinal);
        Assert.Contains("secretSync:", result, System.StringComparison.Ordinal);
        Assert.Contains("githubPushes:", result, System.StringComparison.Ordinal);
        Assert.Contains("fn::fromBase64", result, System.StringComparison.Ordinal);
        Assert.Equal(result, EscBookkeeping.SetSecret(result, EscBookkeeping.GitHubPushesKey, "{\"a\":\"${x}\"}"));
    }

    [Fact]
    public void SetSecret_OnEmptyDocument_ShouldCreateValues()
    {
        var result = EscBookkeeping.SetSecret(string.Empty, EscBookkeeping.GitHubPushesKey, "ledger");

        Assert.Equal("values:\n  secretSync:\n    githubPushes:\n      fn::secret: \"ledger\"\n", result);
        Assert.Equal("secretSync.githubPushes", EscBookkeeping.PathOf(EscBookkeeping.GitHubPushesKey));
    }
}
