using SecretSync.Core.Stores.GitHub.Workflow;
using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Tests.GitHub;

/// <summary>The many-environment workflow (issue 17): the shared base job first, one matrix job per environment.</summary>
public sealed class SyncWorkflowMatrixTests
{
    private const string Environments = """
        {
          "githubOrganization": "acme",
          "shared": { "esc": "acme/sophia/common", "secrets": ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"] },
          "environments": {
            "dev": { "esc": "acme/sophia/dev", "secrets": ["LINEAR_API_KEY", "GONG_API_KEY"], "githubEnvironment": "dev", "source": { "suffix": "_DEV" } },
            "staging": { "esc": "acme/sophia/staging", "secrets": ["LINEAR_API_KEY", "OPENAI_API_KEY"], "githubEnvironment": "staging", "source": { "suffix": "_STAGING" } },
            "prod": { "esc": "acme/sophia/prod", "secrets": ["LINEAR_API_KEY", "GONG_API_KEY"], "githubEnvironment": "production" }
          }
        }
        """;

    [Fact]
    public void Generate_WithEnvironments_ShouldPassActionlint()
    {
        var (exitCode, output) = Actionlint.Lint(Generate(Environments));

        Assert.True(exitCode == 0, output);
        Assert.Equal("[]", output.Trim());
    }

    [Fact]
    public void Generate_WithEnvironments_ShouldRunTheBaseFirstThenAMatrixThatDoesNotFailFast()
    {
        var jobs = Jobs(Generate(Environments));

        Assert.Equal(["shared", "sync", "template"], jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray());
        var sync = (YamlMappingNode)jobs["sync"];
        Assert.Equal("shared", Scalar(sync, "needs"));
        var strategy = (YamlMappingNode)sync["strategy"];
        Assert.Equal("false", Scalar(strategy, "fail-fast"));
        var include = (YamlSequenceNode)((YamlMappingNode)strategy["matrix"])["include"];
        Assert.Equal(["dev/dev", "staging/staging", "prod/production"], include.Children.Cast<YamlMappingNode>().Select(e => Scalar(e, "target") + "/" + Scalar(e, "environment")).ToArray());
        Assert.Equal("${{ matrix.environment }}", Scalar(sync, "environment"));
    }

    [Fact]
    public void Generate_WithEnvironments_ShouldGiveEachJobOnlyTheSecretsItNeeds()
    {
        var jobs = Jobs(Generate(Environments));

        var shared = Env(jobs, "shared");
        Assert.Equal(["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "PULUMI_ACCESS_TOKEN"], shared.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        var matrix = Env(jobs, "sync");
        Assert.Equal("${{ matrix.target }}", matrix["SECRETSYNC_TARGET"]);
        Assert.Equal("${{ (matrix.target == 'dev') && secrets.LINEAR_API_KEY_DEV || '' }}", matrix["LINEAR_API_KEY_DEV"]);
        Assert.Equal("${{ (matrix.target == 'staging') && secrets.OPENAI_API_KEY_STAGING || '' }}", matrix["OPENAI_API_KEY_STAGING"]);
        Assert.Equal("${{ (matrix.target == 'dev' || matrix.target == 'staging' || matrix.target == 'prod') && secrets.LINEAR_API_KEY || '' }}", matrix["LINEAR_API_KEY"]);
        Assert.Equal("${{ (matrix.target == 'dev' || matrix.target == 'prod') && secrets.GONG_API_KEY || '' }}", matrix["GONG_API_KEY"]);
        Assert.False(matrix.ContainsKey("OPENAI_API_KEY"), "the base carries it: no environment job receives it");
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", matrix["PULUMI_ACCESS_TOKEN"]);
        Assert.DoesNotContain(Env(jobs, "template").Keys, _ => true);
    }

    [Fact]
    public void Generate_WithEnvironments_ShouldBeByteIdenticalAndCheckedCurrent()
    {
        var (catalog, config) = Project(Environments);
        var text = Generate(Environments);

        Assert.Equal(text, Generate(Environments));
        Assert.Equal(WorkflowCheckStatus.Current, SyncWorkflowCheck.Check("w.yml", text, catalog, config).StatusKind);
        Assert.Equal(WorkflowCheckStatus.Stale, SyncWorkflowCheck.Check("w.yml", text.Replace("secrets.GONG_API_KEY ||", "secrets.GONG_CLIENT_ID ||", StringComparison.Ordinal), catalog, config).StatusKind);
    }

    [Fact]
    public void Generate_WithOnlySomeGitHubEnvironments_ShouldRefuse()
    {
        var json = Environments.Replace(", \"githubEnvironment\": \"dev\"", string.Empty, StringComparison.Ordinal);

        var e = Assert.Throws<WorkflowGenerationException>(() => Generate(json));

        Assert.Contains("dev do not", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${{ (matrix.target == 'evil') && secrets.LINEAR_API_KEY || '' }}")]
    [InlineData("${{ (matrix.target == 'dev' || matrix.target == 'dev') && secrets.LINEAR_API_KEY || '' }}")]
    [InlineData("${{ (matrix.target == 'dev') && secrets.UNLISTED_API_KEY || '' }}")]
    [InlineData("${{ (matrix.target == 'dev') && toJSON(secrets) || '' }}")]
    [InlineData("${{ (matrix.target != 'dev') && secrets.LINEAR_API_KEY || '' }}")]
    [InlineData("${{ matrix.environment }}")]
    public void Verify_WithAMatrixExpressionOutsideTheRule_ShouldRefuse(string value)
    {
        var writer = SyncStepWith("LINEAR_API_KEY", value);

        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", ["LINEAR_API_KEY"], ["dev", "staging"]));
    }

    [Fact]
    public void Verify_WithMatrixExpressionsInAOneEnvironmentWorkflow_ShouldRefuse()
    {
        var writer = SyncStepWith("LINEAR_API_KEY", "${{ (matrix.target == 'dev') && secrets.LINEAR_API_KEY || '' }}");

        SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", ["LINEAR_API_KEY"], ["dev"]);
        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", ["LINEAR_API_KEY"]));
    }

    [Fact]
    public void Verify_WithTheTargetExpressionInAnotherStep_ShouldRefuse()
    {
        var writer = new WorkflowYamlWriter();
        writer.BeginMapping("jobs");
        writer.BeginMapping("sync");
        writer.BeginSequence("steps");
        writer.BeginItemMapping();
        writer.Scalar("name", "Another step");
        writer.BeginMapping("env");
        writer.Scalar("SECRETSYNC_TARGET", "${{ matrix.target }}");
        writer.End();
        writer.End();
        writer.End();
        writer.End();
        writer.End();

        Assert.Throws<WorkflowUnsafeException>(() => SyncWorkflowVerifier.Verify(writer.Text, writer.Expected, "Sync secrets", [], ["dev"]));
    }

    private static WorkflowYamlWriter SyncStepWith(string variable, string value)
    {
        var writer = new WorkflowYamlWriter();
        writer.BeginMapping("jobs");
        writer.BeginMapping("sync");
        writer.BeginSequence("steps");
        writer.BeginItemMapping();
        writer.Scalar("name", "Sync secrets");
        writer.BeginMapping("env");
        writer.Scalar(variable, value);
        writer.End();
        writer.End();
        writer.End();
        writer.End();
        writer.End();
        return writer;
    }

    private static (SecretCatalog Catalog, ProjectConfig Config) Project(string json)
    {
        var folder = Directory.CreateTempSubdirectory("secretsync-matrix-project-");
        var path = Path.Combine(folder.FullName, "secretsync.json");
        File.WriteAllText(path, json);
        return (SampleProject.Catalog(), ProjectConfigLoader.Load(path));
    }

    private static string Generate(string json)
    {
        var (catalog, config) = Project(json);
        return SyncWorkflowGenerator.Generate(catalog, config, new WorkflowOptions { ModuleSource = ModuleSource.Gallery, ModuleVersion = "1.2.0" });
    }

    private static YamlMappingNode Jobs(string text) => (YamlMappingNode)SyncWorkflowVerifier.Parse(text)["jobs"];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static System.Collections.Generic.Dictionary<string, string> Env(YamlMappingNode jobs, string job) =>
        ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).Children.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("env"))
            .SelectMany(s => ((YamlMappingNode)s["env"]).Children)
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
}
