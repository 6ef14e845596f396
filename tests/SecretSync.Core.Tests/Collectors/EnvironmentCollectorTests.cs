using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Tests.Collectors;

public sealed class EnvironmentCollectorTests
{
    private static readonly string s_builtInPath = Path.Combine(AppContext.BaseDirectory, BuiltInCatalog.FileName);

    private static EnvironmentCollector Create(SecretCatalog catalog, StringWriter? stdout = null, bool actions = false) =>
        new(catalog, new SecretRecordFactory(catalog, new GitHubActionsMasker(stdout ?? new StringWriter(), actions)), NullSyncReporter.Instance);

    private static SecretCatalog Catalog() => SecretCatalog.Build([(CatalogEntry.BuiltInOrigin, s_builtInPath, BuiltInCatalog.Read(s_builtInPath))]);

    private static readonly Dictionary<string, string> s_environment = new()
    {
        ["LINEAR_API_KEY"] = "lin-value",
        ["ACME_TOKEN"] = "acme-value",
        ["ACME_WAREHOUSE"] = "wh",
        ["DOTNET_ROOT"] = "/usr/share/dotnet",
        ["PATH"] = "/bin",
        ["HUBSPOT_API_KEY"] = string.Empty,
    };

    [Fact]
    public void Collect_WithDefaults_ShouldTakeCataloguedAndPatternMatchingNames()
    {
        var records = Create(Catalog()).Collect(s_environment, SecretSync.Core.Records.Configuration.ProjectConfig.DefaultPatterns, all: false);

        Assert.Equal(["ACME_TOKEN", "LINEAR_API_KEY"], records.Select(r => r.Name));
        var linear = records[1];
        Assert.Equal("env:LINEAR_API_KEY", linear.Origin);
        Assert.Equal(SecretSource.Environment, linear.SourceKind);
        Assert.True(linear.IsCataloged);
        Assert.Equal("Core Services", linear.Category);
        Assert.Equal("linear.linear_api_key", linear.EscPath);
        Assert.Equal("lin-value", linear.RevealValue());
        Assert.IsType<System.Security.SecureString>(linear.Value);
        Assert.False(records[0].IsCataloged);
        Assert.Equal("acme.acme_token", records[0].EscPath);
    }

    [Fact]
    public void Collect_WithAll_ShouldTakeEveryConventionalName()
    {
        var records = Create(Catalog()).Collect(s_environment, [], all: true);

        Assert.Equal(["ACME_TOKEN", "ACME_WAREHOUSE", "LINEAR_API_KEY"], records.Select(r => r.Name));
    }

    [Fact]
    public void Collect_InGitHubActions_ShouldMaskEveryValueBeforeReturning()
    {
        var stdout = new StringWriter();
        var environment = new Dictionary<string, string> { ["MULTI_SECRET"] = "line-one-" + Guid.NewGuid() + "\nline%0Atwo" };

        Create(Catalog(), stdout, actions: true).Collect(environment, ["*_SECRET"], all: false);

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("::add-mask::line-one-", lines[0], StringComparison.Ordinal);
        Assert.Equal("::add-mask::line%250Atwo", lines[1].TrimEnd('\r'));
    }

    [Fact]
    public void Record_ToStringAndFingerprint_ShouldNeverRevealTheValue()
    {
        var record = Create(Catalog()).Collect(s_environment, [], all: false).Single(r => r.Name == "LINEAR_API_KEY");
        var twin = new SecretRecord("OTHER_API_KEY", SecretSource.DotEnv, ".env:1", "lin-value");

        Assert.Equal("LINEAR_API_KEY", record.ToString());
        Assert.DoesNotContain("lin-value", record.Fingerprint, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{8}$", record.Fingerprint);
        Assert.Equal(record.Fingerprint, twin.Fingerprint);
        Assert.NotEqual(record.Fingerprint, new SecretRecord("X_API_KEY", SecretSource.DotEnv, ".env:2", "lin-valuf").Fingerprint);
        Assert.Equal("lin-value", record.WithPlainTextValue().Value);
        Assert.Equal(record.Fingerprint, record.WithPlainTextValue().Fingerprint);
    }

    [Fact]
    public void Collect_WithGitHubAlias_ShouldMapItBackToTheCatalogName()
    {
        var environment = new Dictionary<string, string> { ["GH_PAT"] = "pat-value" };

        var record = Assert.Single(Create(Catalog()).Collect(environment, [], all: false));

        Assert.Equal("GITHUB_PAT", record.Name);
        Assert.Equal("env:GH_PAT", record.Origin);
        Assert.Equal("github.github_pat", record.EscPath);
    }

    [Fact]
    public void Collect_WithNameAndAliasBothSet_ShouldTakeTheName()
    {
        var environment = new Dictionary<string, string> { ["GH_PAT"] = "alias", ["GITHUB_PAT"] = "name" };

        var record = Assert.Single(Create(Catalog()).Collect(environment, [], all: false));

        Assert.Equal("env:GITHUB_PAT", record.Origin);
        Assert.Equal("name", record.RevealValue());
    }

    [Fact]
    public void Collect_InWorkflowRun_ShouldNeverTakeGitHubTokenButTakeItsAlias()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_run_token", ["GH_TOKEN"] = "org-secret" };

        var inRun = Create(Catalog()).Collect(environment, ["*_TOKEN"], all: false, inWorkflowRun: true);
        var local = Create(Catalog()).Collect(new Dictionary<string, string> { ["GITHUB_TOKEN"] = "mine" }, [], all: false, inWorkflowRun: false);

        var record = Assert.Single(inRun);
        Assert.Equal("GITHUB_TOKEN", record.Name);
        Assert.Equal("env:GH_TOKEN", record.Origin);
        Assert.Equal("org-secret", record.RevealValue());
        Assert.Equal("env:GITHUB_TOKEN", Assert.Single(local).Origin);
    }
}
