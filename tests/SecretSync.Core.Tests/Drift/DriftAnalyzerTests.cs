using SecretSync.Core.Checks.Drift;

namespace SecretSync.Core.Tests.Drift;

public sealed class DriftAnalyzerTests
{
    private static readonly DateTimeOffset s_afterRevision = DriftScenario.RevisionWritten.AddMinutes(5);

    private static readonly Dictionary<string, Func<DriftScenario>> s_scenarios = new()
    {
        ["everywhere, same value"] = () => new DriftScenario().DotEnv("GONG_API_KEY", "v").Esc("GONG_API_KEY", "v").GitHub("GONG_API_KEY"),
        ["catalogued optional, nowhere"] = () => new DriftScenario().ReadEsc().ReadGitHub().DotEnvFiles(1),
        ["catalogued required, nowhere"] = () => new DriftScenario().ReadEsc().ReadGitHub(),
        ["required only in GitHub, ESC not read"] = () => new DriftScenario().GitHub("LINEAR_API_KEY"),
        ["lower-case .env key"] = () => new DriftScenario().DotEnv("gong_api_key", "v"),
        ["referenced, ESC lacks it"] = () => new DriftScenario().ReadEsc().Mcp("GONG_API_KEY").DotEnv("GONG_API_KEY", "v"),
        ["referenced, ESC not read, not local"] = () => new DriftScenario().Mcp("GONG_API_KEY"),
        ["referenced, ESC not read, local"] = () => new DriftScenario().Mcp("GONG_API_KEY").Env("GONG_API_KEY", "v"),
        ["in GitHub, not ESC"] = () => new DriftScenario().GitHub("GONG_API_KEY").ReadEsc(),
        ["in .env, not ESC"] = () => new DriftScenario().DotEnv("GONG_API_KEY", "v").ReadEsc(),
        ["GitHub updated after the revision"] = () => new DriftScenario().GitHub("GONG_API_KEY", s_afterRevision).Esc("GONG_API_KEY", "v"),
        ["GitHub updated after the revision with ESC's value (ledger)"] = () => new DriftScenario().GitHub("GONG_API_KEY", s_afterRevision).Esc("GONG_API_KEY", "v").PushedFromEsc("GONG_API_KEY"),
        ["GitHub updated after the last recorded push, before the revision"] = () => new DriftScenario().GitHub("GONG_API_KEY", DriftScenario.RevisionWritten.AddSeconds(-1)).Esc("GONG_API_KEY", "v").ChangedInGitHubAfterPush("GONG_API_KEY", DriftScenario.RevisionWritten.AddDays(-2)),
        ["required, empty in .env"] = () => new DriftScenario().DotEnv("LINEAR_API_KEY", string.Empty).ReadEsc().ReadGitHub(),
        ["GitHub updated before the revision"] = () => new DriftScenario().GitHub("GONG_API_KEY", DriftScenario.RevisionWritten.AddSeconds(-1)).Esc("GONG_API_KEY", "v"),
        [".env and ESC differ"] = () => new DriftScenario().DotEnv("GONG_API_KEY", "old").Esc("GONG_API_KEY", "new"),
        ["environment and .env differ"] = () => new DriftScenario().Env("GONG_API_KEY", "a").DotEnv("GONG_API_KEY", "b"),
        ["in ESC, .env read"] = () => new DriftScenario().Esc("GONG_API_KEY", "v").DotEnvFiles(1),
        ["in ESC, no .env (CI)"] = () => new DriftScenario().Esc("GONG_API_KEY", "v"),
        ["in ESC and the environment"] = () => new DriftScenario().Esc("GONG_API_KEY", "v").Env("GONG_API_KEY", "v").DotEnvFiles(1),
        ["uncatalogued in .env"] = () => new DriftScenario().DotEnv("ACME_API_KEY", "v"),
        ["uncatalogued in GitHub and ESC"] = () => new DriftScenario().GitHub("ACME_API_KEY").Esc("ACME_API_KEY", "v"),
        ["asked for, nowhere"] = () => new DriftScenario().Request("ACME_API_KEY").ReadEsc(),
        ["asked for, bad name, nowhere"] = () => new DriftScenario().Request("acme-key"),
    };

    [Theory]
    [InlineData("everywhere, same value", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("catalogued optional, nowhere", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("catalogued required, nowhere", "LINEAR_API_KEY", DriftStatus.MissingRequired)]
    [InlineData("required only in GitHub, ESC not read", "LINEAR_API_KEY", DriftStatus.InSync)]
    [InlineData("lower-case .env key", "gong_api_key", DriftStatus.InvalidName)]
    [InlineData("referenced, ESC lacks it", "GONG_API_KEY", DriftStatus.UnresolvedReference)]
    [InlineData("referenced, ESC not read, not local", "GONG_API_KEY", DriftStatus.UnresolvedReference)]
    [InlineData("referenced, ESC not read, local", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("in GitHub, not ESC", "GONG_API_KEY", DriftStatus.MissingInEsc)]
    [InlineData("in .env, not ESC", "GONG_API_KEY", DriftStatus.MissingInEsc)]
    [InlineData("GitHub updated after the revision", "GONG_API_KEY", DriftStatus.Stale)]
    [InlineData("GitHub updated after the revision with ESC's value (ledger)", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("GitHub updated before the revision", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("GitHub updated after the last recorded push, before the revision", "GONG_API_KEY", DriftStatus.Stale)]
    [InlineData("required, empty in .env", "LINEAR_API_KEY", DriftStatus.MissingRequired)]
    [InlineData(".env and ESC differ", "GONG_API_KEY", DriftStatus.ValueMismatch)]
    [InlineData("environment and .env differ", "GONG_API_KEY", DriftStatus.ValueMismatch)]
    [InlineData("in ESC, .env read", "GONG_API_KEY", DriftStatus.MissingLocally)]
    [InlineData("in ESC, no .env (CI)", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("in ESC and the environment", "GONG_API_KEY", DriftStatus.InSync)]
    [InlineData("uncatalogued in .env", "ACME_API_KEY", DriftStatus.NotInCatalog)]
    [InlineData("uncatalogued in GitHub and ESC", "ACME_API_KEY", DriftStatus.NotInCatalog)]
    [InlineData("asked for, nowhere", "ACME_API_KEY", DriftStatus.NotFound)]
    [InlineData("asked for, bad name, nowhere", "acme-key", DriftStatus.InvalidName)]
    public void Analyze_WithScenario_ShouldReportStatus(string scenario, string name, DriftStatus expected)
    {
        var record = Single(s_scenarios[scenario]().Analyze(), name);

        Assert.Equal(expected, record.StatusKind);
        Assert.Equal(expected == DriftStatus.InSync, record.Issues.Count == 0);
    }

    [Theory]
    [InlineData("catalogued required, nowhere", "LINEAR_API_KEY", "Set-SophiaSecret -Name LINEAR_API_KEY -Target GitHubOrg, Esc")]
    [InlineData("catalogued optional, nowhere", "GONG_API_KEY", "Optional")]
    [InlineData("lower-case .env key", "gong_api_key", "Test-SophiaSecretName gong_api_key -Detailed")]
    [InlineData("referenced, ESC lacks it", "GONG_API_KEY", "Get-SophiaSecret -Name GONG_API_KEY | Sync-SophiaSecret, then restart the MCP server")]
    [InlineData("in GitHub, not ESC", "GONG_API_KEY", "Start-SophiaSecretSync -Wait")]
    [InlineData("in .env, not ESC", "GONG_API_KEY", "Get-SophiaSecret -Name GONG_API_KEY | Sync-SophiaSecret")]
    [InlineData("GitHub updated after the revision", "GONG_API_KEY", "after ESC revision 7 was written (2025-03-01 12:00:00Z): Start-SophiaSecretSync -Wait")]
    [InlineData(".env and ESC differ", "GONG_API_KEY", "Get-SophiaSecret -Source Esc -Name GONG_API_KEY | Export-SophiaSecret -Format DotEnv")]
    [InlineData("environment and .env differ", "GONG_API_KEY", "Remove-Item Env:GONG_API_KEY")]
    [InlineData("in ESC, .env read", "GONG_API_KEY", "Get-SophiaSecret -Source Esc -Name GONG_API_KEY | Export-SophiaSecret -Format DotEnv")]
    [InlineData("uncatalogued in .env", "ACME_API_KEY", "add { \"name\": \"ACME_API_KEY\" } to \"secrets\" in secretsync.json")]
    [InlineData("asked for, nowhere", "ACME_API_KEY", "Found nowhere checked (environment, .env, ESC)")]
    public void Analyze_WithScenario_ShouldHintTheNextCommand(string scenario, string name, string expected)
    {
        var record = Single(s_scenarios[scenario]().Analyze(), name);

        Assert.Contains(expected, record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithUncataloguedGitHubSecretMissingInEsc_ShouldSayTheWorkflowNeedsItCatalogued()
    {
        var record = Single(new DriftScenario().GitHub("ACME_API_KEY").ReadEsc().Analyze(), "ACME_API_KEY");

        Assert.Equal([DriftStatus.MissingInEsc, DriftStatus.NotInCatalog], record.IssueKinds);
        Assert.Contains("New-SophiaSyncWorkflow -Force, then Start-SophiaSecretSync -Wait", record.Hint, StringComparison.Ordinal);
        // The other issue comes with its own command, not just its name.
        Assert.Contains("Also: NotInCatalog: Not catalogued, so the sync workflow skips it: add { \"name\": \"ACME_API_KEY\" } to \"secrets\" in secretsync.json", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithSeveralProblems_ShouldReportTheMostSevereAndNameTheOthers()
    {
        var record = Single(new DriftScenario().ReadEsc().Mcp("LINEAR_API_KEY").Analyze(), "LINEAR_API_KEY");

        Assert.Equal(DriftStatus.MissingRequired, record.StatusKind);
        Assert.Equal([DriftStatus.MissingRequired, DriftStatus.UnresolvedReference], record.IssueKinds);
        Assert.Contains("Also: UnresolvedReference: ", record.Hint, StringComparison.Ordinal);
        Assert.EndsWith("then restart the MCP server.", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithStaleAndMismatchedValue_ShouldPutStaleFirst()
    {
        var record = Single(new DriftScenario().GitHub("GONG_API_KEY", s_afterRevision).Esc("GONG_API_KEY", "a").DotEnv("GONG_API_KEY", "b").Analyze(), "GONG_API_KEY");

        Assert.Equal([DriftStatus.Stale, DriftStatus.ValueMismatch], record.IssueKinds);
    }

    [Fact]
    public void Analyze_WithManyNames_ShouldOrderBySeverityThenName()
    {
        var records = new DriftScenario().DotEnv("ZED_API_KEY", "v").DotEnv("ACME_API_KEY", "v").GitHub("GONG_API_KEY").ReadEsc().Analyze();

        Assert.Equal(
            ["LINEAR_API_KEY", "ACME_API_KEY", "GONG_API_KEY", "ZED_API_KEY"],
            records.Select(r => r.Name));
        Assert.Equal([DriftStatus.MissingRequired, DriftStatus.MissingInEsc, DriftStatus.MissingInEsc, DriftStatus.MissingInEsc], records.Select(r => r.StatusKind));
    }

    [Theory]
    [InlineData("v", null, null)]
    [InlineData("v", "v", true)]
    [InlineData("v", "w", false)]
    public void Analyze_WithReadableValues_ShouldSayWhetherTheyAgree(string dotEnv, string? esc, bool? expected)
    {
        var scenario = new DriftScenario().DotEnv("GONG_API_KEY", dotEnv).GitHub("GONG_API_KEY");
        if (esc is not null)
        {
            scenario.Esc("GONG_API_KEY", esc);
        }

        var record = Single(scenario.Analyze(), "GONG_API_KEY");

        Assert.Equal(expected, record.ValuesAgree);
        Assert.Equal(expected == false ? "DotEnv vs Esc" : null, record.DisagreeingSources);
    }

    [Fact]
    public void Analyze_WithSeveralDotEnvFiles_ShouldNameTheFileThatDisagrees()
    {
        var record = Single(new DriftScenario().DotEnvFiles(2).DotEnv("GONG_API_KEY", "a", ".env").DotEnv("GONG_API_KEY", "b", ".env.local").Esc("GONG_API_KEY", "a").Analyze(), "GONG_API_KEY");

        Assert.Equal("DotEnv(.env), Esc vs DotEnv(.env.local)", record.DisagreeingSources);
    }

    [Fact]
    public void Analyze_WithRepeatedKeyInOneFile_ShouldCompareTheLastAssignment()
    {
        var record = Single(new DriftScenario().DotEnv("GONG_API_KEY", "old").DotEnv("GONG_API_KEY", "new").Esc("GONG_API_KEY", "new").Analyze(), "GONG_API_KEY");

        Assert.True(record.ValuesAgree);
    }

    [Fact]
    public void Analyze_WithValues_ShouldNotPutThemInAnyText()
    {
        const string Secret = "sk-very-secret-value-123";
        var records = new DriftScenario().DotEnv("GONG_API_KEY", Secret).Esc("GONG_API_KEY", Secret + "x").Env("ACME_TOKEN", Secret).DotEnv("ACME_TOKEN", "y").Analyze();

        foreach (var record in records)
        {
            foreach (var text in new[] { record.Hint, record.DisagreeingSources, record.Sources, record.ToString() })
            {
                Assert.DoesNotContain("secret-value", text ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Analyze_WithUnrelatedNames_ShouldIgnoreEnvironmentOnlyAndConfigurationKeys()
    {
        var records = new DriftScenario().Env("NPM_TOKEN", "n").DotEnv("PORT", "3000").DotEnv("NODE_ENV", "dev").Analyze();

        Assert.DoesNotContain(records, r => r.Name is "NPM_TOKEN" or "PORT" or "NODE_ENV");
    }

    [Fact]
    public void Analyze_WithEnvironmentVariableOfAKnownName_ShouldCountIt()
    {
        var record = Single(new DriftScenario().Env("ACME_TOKEN", "n").DotEnv("ACME_TOKEN", "n").Analyze(), "ACME_TOKEN");

        Assert.True(record.InEnvironment);
        Assert.Equal("Environment,DotEnv", record.Sources);
        Assert.True(record.ValuesAgree);
    }

    [Fact]
    public void Analyze_WithSourcesNotRead_ShouldLeaveTheirPresenceUnknown()
    {
        var record = Single(new DriftScenario().DotEnv("GONG_API_KEY", "v").Analyze(), "GONG_API_KEY");

        Assert.Null(record.InGitHub);
        Assert.Null(record.InEsc);
        Assert.Null(record.EscRevision);
        Assert.Equal(DriftStatus.InSync, record.StatusKind);
    }

    [Fact]
    public void Analyze_WithEverySource_ShouldFillPresenceAndTimes()
    {
        var record = Single(new DriftScenario().Env("GONG_API_KEY", "v").DotEnv("GONG_API_KEY", "v").GitHub("GONG_API_KEY").Esc("GONG_API_KEY", "v").Mcp("GONG_API_KEY").Analyze(), "GONG_API_KEY");

        Assert.Equal("Catalog,Environment,DotEnv,GitHub,Esc,Mcp", record.Sources);
        Assert.True(record.InCatalog && record.InEnvironment && record.InDotEnv && record.InGitHub == true && record.InEsc == true);
        Assert.Equal(["/p/.mcp.json"], record.ReferencedBy);
        Assert.Equal(7, record.EscRevision);
        Assert.Equal(DriftScenario.RevisionWritten, record.EscRevisionCreatedAt);
        Assert.Equal(DriftScenario.RevisionWritten.AddDays(-1), record.GitHubUpdatedAt);
        Assert.False(record.Required);
        Assert.Null(record.Hint);
    }

    [Fact]
    public void Analyze_WithNameFilter_ShouldReportOnlyMatchingNames()
    {
        var records = new DriftScenario().DotEnv("ACME_API_KEY", "v").Analyze(name => name.StartsWith("ACME", StringComparison.Ordinal));

        Assert.Equal(["ACME_API_KEY"], records.Select(r => r.Name));
    }

    [Fact]
    public void Analyze_WithInvalidName_ShouldSuggestOne()
    {
        var record = Single(new DriftScenario().DotEnv("gong_api_key", "v").Analyze(), "gong_api_key");

        Assert.Equal("GONG_API_KEY", record.SuggestedName);
        Assert.Contains("rename it to GONG_API_KEY where it is set (.env)", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithNearMissInDotEnv_ShouldSuspectATypo()
    {
        var record = Single(new DriftScenario().Esc("GONG_API_KEY", "v").DotEnv("GONG_API_KY", "v").Analyze(), "GONG_API_KEY");

        Assert.Equal(DriftStatus.MissingLocally, record.StatusKind);
        Assert.Contains("(GONG_API_KY exists: a typo?)", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithReferenceNearACataloguedName_ShouldReportLikelyTypo()
    {
        var record = Single(new DriftScenario().Esc("LINEAR_API_KEY", "v").Mcp("LINEAR_APY_KEY").Analyze(), "LINEAR_APY_KEY");

        Assert.Equal(DriftStatus.LikelyTypo, record.StatusKind);
        Assert.Equal("LINEAR_API_KEY", record.SuggestedName);
        Assert.Contains("did you mean LINEAR_API_KEY?", record.Hint, StringComparison.Ordinal);
        Assert.Contains(".mcp.json:3", record.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("-Name LINEAR_APY_KEY", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithDotEnvKeyNearACataloguedName_ShouldReportLikelyTypo()
    {
        var records = new DriftScenario().DotEnv("LINEAR_APY_KEY", "v").Analyze();

        var record = Single(records, "LINEAR_APY_KEY");
        Assert.Equal(DriftStatus.LikelyTypo, record.StatusKind);
        Assert.Contains("(.env)", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithEnvironmentOnlyReferenceSetOnlyInDotEnv_ShouldReportUnresolvedReference()
    {
        var record = Single(new DriftScenario().McpFromEnvironmentOnly("GONG_API_KEY").DotEnv("GONG_API_KEY", "v").Analyze(), "GONG_API_KEY");

        Assert.Equal(DriftStatus.UnresolvedReference, record.StatusKind);
        Assert.Contains("does not read .env", record.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WithEnvironmentOnlyReferenceSetInTheEnvironment_ShouldBeInSync()
    {
        var record = Single(new DriftScenario().McpFromEnvironmentOnly("GONG_API_KEY").Env("GONG_API_KEY", "v").Analyze(), "GONG_API_KEY");

        Assert.Equal(DriftStatus.InSync, record.StatusKind);
    }

    private static DriftRecord Single(IReadOnlyList<DriftRecord> records, string name) => Assert.Single(records, r => r.Name == name);
}
