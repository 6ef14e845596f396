using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Tests.Collectors;

/// <summary>
/// The factory defers what most records never need (fingerprint; service and ESC path of an uncatalogued name):
/// what is read later must be what an eager record says.
/// </summary>
public sealed class SecretRecordFactoryTests
{
    private static readonly SecretRecordFactory s_factory = new(SecretCatalog.Build([]), new GitHubActionsMasker(new StringWriter(), false));

    [Theory]
    [InlineData("value-1")]
    [InlineData("")]
    [InlineData("línea\nzwei")]
    public void WithValue_Fingerprint_ShouldEqualThatOfARecordMadeWithTheSameValue(string value)
    {
        var made = s_factory.WithValue("LINEAR_API_KEY", SecretSource.DotEnv, ".env:1", value);
        var eager = new SecretRecord("LINEAR_API_KEY", SecretSource.DotEnv, ".env:1", value);

        Assert.Equal(eager.Fingerprint, made.Fingerprint);
        Assert.Equal(eager.IsEmpty, made.IsEmpty);
        Assert.NotEqual(made.Fingerprint, s_factory.WithValue("LINEAR_API_KEY", SecretSource.DotEnv, ".env:1", value + "x").Fingerprint);
    }

    [Fact]
    public void WithValue_UncataloguedConventionalName_ShouldDeriveServiceAndEscPathWhenRead()
    {
        var record = s_factory.WithValue("LAMBDA_LABS_API_KEY", SecretSource.DotEnv, ".env:1", "v");

        Assert.Equal("LAMBDA_LABS", record.Service);
        Assert.Equal("lambda_labs.lambda_labs_api_key", record.EscPath);
        Assert.False(record.IsCataloged);
    }

    [Fact]
    public void WithValue_GivenEscPath_ShouldKeepItAndStillDeriveTheService()
    {
        var record = s_factory.WithValue("LINEAR_API_KEY", SecretSource.Esc, "esc:o/e", "v", escPath: "custom.path");

        Assert.Equal("custom.path", record.EscPath);
        Assert.Equal("LINEAR", record.Service);
    }

    [Fact]
    public void WithValue_NameOutsideTheConvention_ShouldHaveNeitherServiceNorEscPath()
    {
        var record = s_factory.WithValue("lowercase", SecretSource.DotEnv, ".env:1", "v");

        Assert.Null(record.Service);
        Assert.Null(record.EscPath);
    }

    [Fact]
    public void Copies_ShouldCarryTheDeferredPartsUnread()
    {
        var record = s_factory.WithValue("SLACK_BOT_TOKEN", SecretSource.DotEnv, ".env:1", "v");

        var plain = record.WithPlainTextValue();
        var secure = plain.WithSecureValue();

        Assert.All(new[] { record, plain, secure }, r => Assert.Equal(("SLACK", "slack.slack_bot_token"), (r.Service, r.EscPath)));
        Assert.Equal(record.Fingerprint, plain.Fingerprint);
        Assert.Equal(record.Fingerprint, secure.Fingerprint);
    }

    [Fact]
    public void Fingerprint_ReadFromManyThreadsAtOnce_ShouldAgree()
    {
        var records = Enumerable.Range(0, 200).Select(i => s_factory.WithValue($"S{i}_API_KEY", SecretSource.DotEnv, ".env:1", "same")).ToList();

        var seen = records.AsParallel().WithDegreeOfParallelism(4).SelectMany(r => new[] { r.Fingerprint, r.Fingerprint, r.Service }).ToList();

        Assert.Single(seen.Where((_, i) => i % 3 != 2).Distinct());
        Assert.Equal(records.Select(r => r.Name.Substring(0, r.Name.Length - "_API_KEY".Length)).OrderBy(s => s, StringComparer.Ordinal), seen.Where((_, i) => i % 3 == 2).OrderBy(s => s, StringComparer.Ordinal));
    }
}
