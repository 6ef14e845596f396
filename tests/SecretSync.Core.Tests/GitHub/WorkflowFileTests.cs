using SecretSync.Core.Stores.GitHub.Workflow;

namespace SecretSync.Core.Tests.GitHub;

/// <summary>Issue 15 items 8 and 9, issue 13 item 10: regenerating, checking and the 100-secret limit.</summary>
public sealed class WorkflowFileTests
{
    private static string Generate(params CatalogEntryDefinition[] secrets) =>
        SyncWorkflowGenerator.Generate(SampleProject.Catalog(secrets), SampleProject.Config(), new WorkflowOptions());

    [Fact]
    public void Decide_WithTheGeneratorsEarlierOutput_ShouldRegenerate()
    {
        var before = Generate();
        var after = Generate(new CatalogEntryDefinition { Name = "ZETA_API_KEY" });

        Assert.Equal(WorkflowWriteDecision.Regenerate, SyncWorkflowUpdate.Decide(before, after));
        Assert.Equal(WorkflowWriteDecision.Regenerate, SyncWorkflowUpdate.Decide(before.Replace("\n", "\r\n", StringComparison.Ordinal), after));
        Assert.Equal(WorkflowWriteDecision.UpToDate, SyncWorkflowUpdate.Decide(after, after));
        Assert.Equal(WorkflowWriteDecision.Create, SyncWorkflowUpdate.Decide(null, after));
    }

    [Theory]
    [InlineData("timeout-minutes: 15", "timeout-minutes: 30")]
    [InlineData("# Content hash", "# content hash")]
    [InlineData("name: Unified secret sync\n", "name: Unified secret sync\n# note\n")]
    public void Decide_WithAHandEdit_ShouldRefuseWithoutForce(string from, string to)
    {
        var edited = Generate().Replace(from, to, StringComparison.Ordinal);

        Assert.Equal(WorkflowWriteDecision.HandEdited, SyncWorkflowUpdate.Decide(edited, Generate(new CatalogEntryDefinition { Name = "ZETA_API_KEY" })));
    }

    [Fact]
    public void Decide_WithAFileWithoutMarker_ShouldTreatItAsHandWritten()
    {
        Assert.Equal(WorkflowWriteDecision.HandEdited, SyncWorkflowUpdate.Decide("on: push\n", Generate()));
        Assert.Equal(WorkflowWriteDecision.HandEdited, SyncWorkflowUpdate.Decide(string.Empty, Generate()));
    }

    [Fact]
    public void Check_WithTheGeneratedWorkflow_ShouldBeCurrent()
    {
        var result = SyncWorkflowCheck.Check("wf.yml", Generate(), SampleProject.Catalog());

        Assert.Equal(WorkflowCheckStatus.Current, result.StatusKind);
        Assert.True(result.IsGeneratorOutput);
        Assert.Empty(result.MissingNames);
        Assert.Empty(result.ExtraNames);
    }

    [Fact]
    public void Check_AfterACatalogChange_ShouldNameMissingAndExtraSecrets()
    {
        var committed = Generate(new CatalogEntryDefinition { Name = "OLD_API_KEY" });
        var catalog = SampleProject.Catalog(new CatalogEntryDefinition { Name = "NEW_API_KEY" }, new CatalogEntryDefinition { Name = "ACME_API_KEY", GitHubName = "ACME_KEY" });

        var result = SyncWorkflowCheck.Check("wf.yml", committed, catalog);

        Assert.Equal(WorkflowCheckStatus.Stale, result.StatusKind);
        Assert.Equal(["NEW_API_KEY", "ACME_API_KEY"], result.MissingNames);
        Assert.Equal(["OLD_API_KEY"], result.ExtraNames);
        Assert.Contains("never syncs NEW_API_KEY, ACME_API_KEY", SyncWorkflowCheck.Describe(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithAHandReformattedButEquivalentWorkflow_ShouldBeCurrent()
    {
        var committed = Generate().Replace("          # Core Services\n", string.Empty, StringComparison.Ordinal);

        var result = SyncWorkflowCheck.Check("wf.yml", committed, SampleProject.Catalog());

        Assert.Equal(WorkflowCheckStatus.Current, result.StatusKind);
        Assert.False(result.IsGeneratorOutput);
    }

    [Fact]
    public void Check_WithoutFileOrWithBrokenYaml_ShouldSaySo()
    {
        Assert.Equal(WorkflowCheckStatus.Missing, SyncWorkflowCheck.Check("wf.yml", null, SampleProject.Catalog()).StatusKind);
        Assert.Equal(WorkflowCheckStatus.Unreadable, SyncWorkflowCheck.Check("wf.yml", "jobs: [\n", SampleProject.Catalog()).StatusKind);
    }

    [Fact]
    public void Unseen_WithMoreThan100Names_ShouldReturnThoseAfterTheFirst100Alphabetically()
    {
        var names = Enumerable.Range(1, 105).Select(i => $"S{i:000}_API_KEY").Reverse().Append("s001_api_key").ToList();

        var unseen = WorkflowSecretLimit.Unseen(names);

        Assert.Equal(["S101_API_KEY", "S102_API_KEY", "S103_API_KEY", "S104_API_KEY", "S105_API_KEY"], unseen);
        Assert.Empty(WorkflowSecretLimit.Unseen(names.Take(100)));
    }

    [Fact]
    public void GitHubNames_ShouldBeWhatTheWorkflowReads()
    {
        var names = SyncWorkflowSecrets.GitHubNames(SampleProject.Catalog(new CatalogEntryDefinition { Name = "ACME_API_KEY", GitHubName = "ACME_KEY" }));

        Assert.Contains("ACME_KEY", names);
        Assert.Contains("GH_PAT", names);
        Assert.Contains(SyncWorkflowSecrets.PulumiTokenName, names);
        Assert.DoesNotContain("GITHUB_PAT", names);
    }

    [Fact]
    public void Unified_ShouldShowChangedLinesWithContext()
    {
        var diff = LineDiff.Unified("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\ni\n", "old", "new");

        Assert.Equal("--- old\n+++ new\n@@ -2,7 +2,8 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n+i\n", diff);
        Assert.Equal(string.Empty, LineDiff.Unified("a\n", "a\n", "old", "new"));
    }
}
