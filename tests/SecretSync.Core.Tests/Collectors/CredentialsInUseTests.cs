using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Tests.Collectors;

public sealed class CredentialsInUseTests
{
    private static readonly SecretRecord[] s_records =
    [
        new("PULUMI_ACCESS_TOKEN", SecretSource.Environment, "env:PULUMI_ACCESS_TOKEN", "pul-x"),
        new("GITHUB_TOKEN", SecretSource.Environment, "env:GH_TOKEN", "gh-x"),
        new("LINEAR_API_KEY", SecretSource.Environment, "env:LINEAR_API_KEY", "lin-x"),
    ];

    [Fact]
    public void Skip_ByDefault_ShouldDropTheTokensAndSayItOnce()
    {
        var reporter = new RecordingReporter();

        var kept = CredentialsInUse.Skip(s_records, [], inWorkflowRun: false, reporter);

        Assert.Equal(["LINEAR_API_KEY"], kept.Select(r => r.Name));
        var message = Assert.Single(reporter.Verbose);
        Assert.Contains("env:PULUMI_ACCESS_TOKEN, env:GH_TOKEN", message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("pul-x", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_WhenNamedExactlyOrInWorkflowRun_ShouldKeepThem()
    {
        Assert.Equal(2, CredentialsInUse.Skip(s_records, ["pulumi_access_token"], inWorkflowRun: false, new RecordingReporter()).Count);
        Assert.Equal(3, CredentialsInUse.Skip(s_records, [], inWorkflowRun: true, new RecordingReporter()).Count);
    }

    private sealed class RecordingReporter : ISyncReporter
    {
        public List<string> Verbose { get; } = [];

        void ISyncReporter.Verbose(string message) => Verbose.Add(message);

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(string activity, string status, int percentComplete, bool completed = false)
        {
        }
    }
}
