using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Tests.GitHub;

public sealed class GitHubPushLedgerTests
{
    private static readonly DateTimeOffset s_updatedAt = new(2026, 11, 29, 9, 43, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_pushedAt = s_updatedAt.AddSeconds(-1);

    // What ESC holds: linear.linear_api_key as ciphertext, evaluating to "esc-value".
    private static EscValueIdentities Esc(string value = "esc-value", string ciphertext = "Y2lwaGVy", long revision = 7) => EscValueIdentities.Of(
        new EscDefinition($"values:\n  linear:\n    linear_api_key:\n      fn::secret: {{ciphertext: {ciphertext}}}\n", "etag", revision),
        EscEvaluatedEnvironment.Parse($"{{\"properties\":{{\"linear\":{{\"value\":{{\"linear_api_key\":{{\"value\":\"{value}\",\"secret\":true}}}}}}}}}}"));

    [Fact]
    public void Parse_OfOldFormatWithHmacs_ShouldNotTrustIt()
    {
        var old = "{\"version\":1,\"key\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"pushes\":{\"acme/LINEAR_API_KEY\":{\"hmac\":\"ab\",\"updatedAt\":\"2026-11-29T09:43:00.0000000+00:00\"}}}";

        var ledger = GitHubPushLedger.Parse(old);

        Assert.True(ledger.WasDiscarded);
        Assert.Null(ledger.LastPush("acme", "LINEAR_API_KEY"));
        Assert.DoesNotContain("hmac", ledger.Serialize(), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_OfValueNotInEsc_ShouldLeaveNothingDerivedFromTheValue()
    {
        var first = GitHubPushLedger.CreateNew();
        var second = GitHubPushLedger.CreateNew();
        first.Esc = second.Esc = Esc();

        first.Record("acme", "PIN_CODE", "pin.pin_code", "123456", s_updatedAt, s_pushedAt);
        second.Record("acme", "PIN_CODE", "pin.pin_code", "654321", s_updatedAt, s_pushedAt);

        // Whatever the value, the ledger reads the same: nothing in it can test a guess.
        Assert.Equal(first.Serialize(), second.Serialize());
        Assert.DoesNotMatch(new Regex("[0-9a-f]{32}"), first.Serialize());
        Assert.False(first.LastPush("acme", "PIN_CODE")!.IsFromEsc);
        Assert.False(first.HoldsValue("acme", "PIN_CODE", "pin.pin_code", "123456"));
    }

    [Fact]
    public void Record_OfEscValue_ShouldNamePathAndRevisionAndHoldItWhileEscDoes()
    {
        var ledger = GitHubPushLedger.CreateNew();
        ledger.Esc = Esc();
        ledger.Record("acme", "LINEAR_API_KEY", "linear.linear_api_key", "esc-value", s_updatedAt, s_pushedAt);

        var read = GitHubPushLedger.Parse(ledger.Serialize());
        read.Esc = Esc(revision: 9);

        var push = read.LastPush("acme", "linear_api_key")!;
        Assert.Equal(("linear.linear_api_key", 7L, s_updatedAt), (push.EscPath!, push.EscRevision!.Value, push.UpdatedAt!.Value));
        Assert.True(read.HoldsValue("acme", "LINEAR_API_KEY", "linear.linear_api_key", "esc-value"));
        Assert.False(read.HoldsValue("acme", "LINEAR_API_KEY", "linear.linear_api_key", "other"));
        read.Esc = Esc("rotated", "b3RoZXI=");
        Assert.False(read.HoldsValue("acme", "LINEAR_API_KEY", "linear.linear_api_key", "rotated"));
    }

    [Fact]
    public void MarkPending_ShouldReadBackAsUnknown()
    {
        var ledger = GitHubPushLedger.CreateNew();
        ledger.Esc = Esc();
        ledger.Record("acme", "LINEAR_API_KEY", "linear.linear_api_key", "esc-value", s_updatedAt, s_pushedAt);
        ledger.MarkPending("acme", "LINEAR_API_KEY", s_updatedAt.AddHours(1));

        var read = GitHubPushLedger.Parse(ledger.Serialize());
        read.Esc = Esc();

        Assert.True(read.LastPush("acme", "LINEAR_API_KEY")!.IsPending);
        Assert.False(read.HoldsValue("acme", "LINEAR_API_KEY", "linear.linear_api_key", "esc-value"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("not json", true)]
    [InlineData("{\"version\":2}", true)]
    [InlineData("{\"version\":2,\"pushes\":{\"a/B\":\"x\"}}", true)]
    [InlineData("{\"version\":2,\"pushes\":{\"a/B\":{\"pushedAt\":\"yesterday\"}}}", true)]
    [InlineData("{\"version\":2,\"pushes\":{\"a/B\":{\"updatedAt\":\"2026-11-29T09:43:00Z\"}}}", true)]
    public void Parse_WithDamagedLedger_ShouldStartAfresh(string? json, bool discarded)
    {
        var ledger = GitHubPushLedger.Parse(json);

        Assert.Null(ledger.LastPush("a", "B"));
        Assert.Equal(discarded, ledger.WasDiscarded);
    }

    [Fact]
    public void MergeFrom_TwoFirstRuns_ShouldKeepEachOthersPushes()
    {
        var ours = GitHubPushLedger.CreateNew();
        var theirs = GitHubPushLedger.CreateNew();
        ours.Record("acme", "A_TOKEN", null, "a", s_updatedAt, s_pushedAt);
        theirs.Record("acme", "A_TOKEN", null, "a", s_updatedAt.AddDays(-1), s_pushedAt.AddDays(-1));
        theirs.Record("acme", "B_TOKEN", null, "b", s_updatedAt, s_pushedAt);

        ours.MergeFrom(GitHubPushLedger.Parse(theirs.Serialize()));

        Assert.Equal(s_updatedAt, ours.LastPush("acme", "A_TOKEN")!.UpdatedAt);
        Assert.Equal(s_updatedAt, ours.LastPush("acme", "B_TOKEN")!.UpdatedAt);
    }

    [Fact]
    public void ToString_ShouldNameNoValue()
    {
        var ledger = GitHubPushLedger.CreateNew();
        ledger.Record("acme", "A_TOKEN", null, "v4lue", s_updatedAt, s_pushedAt);

        Assert.DoesNotContain("v4lue", ledger.ToString(), StringComparison.Ordinal);
    }
}
