using System;
using SecretSync.Core.GitHub;
using Xunit;

namespace SecretSync.Core.Tests.GitHub;

public sealed class GitHubPushLedgerTests
{
    private static readonly DateTimeOffset s_pushedAt = new(2026, 11, 29, 9, 43, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_OfSerialized_ShouldKeepKeyAndPushes()
    {
        var ledger = GitHubPushLedger.CreateNew();
        ledger.Record("acme", "LINEAR_API_KEY", ledger.Fingerprint("acme", "LINEAR_API_KEY", "v"), s_pushedAt);

        var read = GitHubPushLedger.Parse(ledger.Serialize());

        Assert.Equal(ledger.Fingerprint("acme", "LINEAR_API_KEY", "v"), read.Fingerprint("acme", "LINEAR_API_KEY", "v"));
        Assert.Equal((ledger.Fingerprint("acme", "LINEAR_API_KEY", "v"), s_pushedAt), read.LastPush("acme", "linear_api_key"));
    }

    [Fact]
    public void Fingerprint_ForOtherValueOrgOrName_ShouldDiffer()
    {
        var ledger = GitHubPushLedger.CreateNew();
        var fingerprint = ledger.Fingerprint("acme", "A_TOKEN", "v");

        Assert.NotEqual(fingerprint, ledger.Fingerprint("acme", "A_TOKEN", "w"));
        Assert.NotEqual(fingerprint, ledger.Fingerprint("other", "A_TOKEN", "v"));
        Assert.NotEqual(fingerprint, ledger.Fingerprint("acme", "B_TOKEN", "v"));
        Assert.NotEqual(fingerprint, GitHubPushLedger.CreateNew().Fingerprint("acme", "A_TOKEN", "v"));
        Assert.DoesNotContain("v", ledger.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"key\":\"short\"}")]
    [InlineData("{\"key\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"pushes\":{\"a/B\":{\"hmac\":\"x\",\"updatedAt\":\"yesterday\"}}}")]
    public void Parse_WithDamagedLedger_ShouldStartAfresh(string? json)
    {
        var ledger = GitHubPushLedger.Parse(json);

        Assert.Null(ledger.LastPush("a", "B"));
    }

    [Fact]
    public void MergeMissingFrom_SameKey_ShouldAddOnlyPushesItLacks()
    {
        var ours = GitHubPushLedger.CreateNew();
        var theirs = GitHubPushLedger.Parse(ours.Serialize());
        ours.Record("acme", "A_TOKEN", "ours", s_pushedAt);
        theirs.Record("acme", "A_TOKEN", "theirs", s_pushedAt);
        theirs.Record("acme", "B_TOKEN", "theirs", s_pushedAt);

        ours.MergeMissingFrom(theirs);

        Assert.Equal("ours", ours.LastPush("acme", "A_TOKEN")!.Value.Hmac);
        Assert.Equal("theirs", ours.LastPush("acme", "B_TOKEN")!.Value.Hmac);
    }
}
