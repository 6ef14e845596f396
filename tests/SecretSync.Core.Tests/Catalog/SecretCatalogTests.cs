namespace SecretSync.Core.Tests.Catalog;

public sealed class SecretCatalogTests
{
    private static readonly string s_builtInPath = Path.Combine(AppContext.BaseDirectory, BuiltInCatalog.FileName);

    private static SecretCatalog BuiltIn() =>
        SecretCatalog.Build([(CatalogEntry.BuiltInOrigin, s_builtInPath, BuiltInCatalog.Read(s_builtInPath))]);

    [Fact]
    public void Build_WithBuiltInFile_ShouldHoldTheCompleteSeedList()
    {
        var expected = new[]
        {
            "LINEAR_API_KEY", "GONG_API_KEY", "GONG_CLIENT_ID", "GONG_CLIENT_SECRET", "SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER",
            "SNOWFLAKE_PASSWORD", "PINECONE_API_KEY", "PINECONE_ENVIRONMENT", "VERCEL_ACCESS_TOKEN", "VERCEL_PROJECT_ID",
            "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "INTERCOM_ACCESS_TOKEN", "ANTHROPIC_API_KEY", "OPENAI_API_KEY",
            "OPENROUTER_API_KEY", "LLAMAINDEX_API_KEY", "GITHUB_TOKEN", "GITHUB_PAT", "PULUMI_ACCESS_TOKEN",
            "LAMBDA_LABS_API_KEY", "ESTUARY_API_KEY", "AIRBYTE_API_KEY", "HUBSPOT_API_KEY", "RETOOL_API_KEY", "AGNO_API_KEY",
        };

        var catalog = BuiltIn();

        Assert.Equal(expected, catalog.Entries.Select(e => e.Name));
        Assert.Equal(
            ["Core Services", "Communication", "AI Services", "Infrastructure", "Other Integrations"],
            catalog.Entries.Select(e => e.Category).Distinct());
        Assert.All(catalog.Entries, e => Assert.Equal(CatalogEntry.BuiltInOrigin, e.Origin));
    }

    [Fact]
    public void Build_WithBuiltInFile_ShouldAliasTheGitHubPrefixedNames()
    {
        var catalog = BuiltIn();

        Assert.Equal("GH_PAT", catalog.Find("GITHUB_PAT")!.GitHubName);
        Assert.Equal("GITHUB_TOKEN", catalog.FindByGitHubName("gh_token")!.Name);
        Assert.Equal("lambda_labs.lambda_labs_api_key", catalog.Find("LAMBDA_LABS_API_KEY")!.EscPath);
    }

    [Fact]
    public void Build_WithProjectEntry_ShouldAddAndOverride()
    {
        var project = new[]
        {
            new CatalogEntryDefinition { Name = "ACME_API_KEY", Category = "Partners", Required = true },
            new CatalogEntryDefinition { Name = "LINEAR_API_KEY", Description = "Our Linear", Required = false },
        };

        var catalog = SecretCatalog.Build(
        [
            (CatalogEntry.BuiltInOrigin, s_builtInPath, BuiltInCatalog.Read(s_builtInPath)),
            ("/p/secretsync.json", "/p/secretsync.json", project),
        ]);

        Assert.Equal("acme.acme_api_key", catalog.Find("ACME_API_KEY")!.EscPath);
        Assert.Equal("/p/secretsync.json", catalog.Find("ACME_API_KEY")!.Origin);
        var linear = catalog.Find("LINEAR_API_KEY")!;
        Assert.Equal("Our Linear", linear.Description);
        Assert.False(linear.Required);
        Assert.Equal("Core Services", linear.Category);
        Assert.Equal("ACME_API_KEY", catalog.Entries[^1].Name);
    }

    [Fact]
    public void Build_WithGitHubPrefixAndNoAlias_ShouldFailNamingTheEntry()
    {
        var project = new[] { new CatalogEntryDefinition { Name = "GITHUB_APP_ID", Line = 4, Column = 7 } };

        var error = Assert.Throws<ConfigParseException>(() => SecretCatalog.Build([("f", "secretsync.json", project)]));

        Assert.Equal(4, error.Line);
        Assert.Contains("GITHUB_APP_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("GH_APP_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithGitHubNamesDifferingOnlyInCase_ShouldFail()
    {
        var project = new[]
        {
            new CatalogEntryDefinition { Name = "ACME_API_KEY" },
            new CatalogEntryDefinition { Name = "OTHER_API_KEY", GitHubName = "acme_api_key" },
        };

        var error = Assert.Throws<ConfigParseException>(() => SecretCatalog.Build([("f", "secretsync.json", project)]));

        Assert.Contains("case-insensitively", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithNameBreakingTheConvention_ShouldFailWithPosition()
    {
        var project = new[] { new CatalogEntryDefinition { Name = "acme-key", Line = 9, Column = 5 } };

        var error = Assert.Throws<ConfigParseException>(() => SecretCatalog.Build([("f", "secretsync.json", project)]));

        Assert.Equal("secretsync.json:9:5: 'acme-key' is not SERVICE_CREDENTIAL_TYPE (upper case letters, digits and underscores, at least two segments, starting with a letter); try ACME_KEY", error.Message);
    }

    [Fact]
    public void EscPathOf_WithUncataloguedName_ShouldFollowTheConvention()
    {
        var catalog = BuiltIn();

        Assert.Equal("acme.acme_api_key", catalog.EscPathOf("ACME_API_KEY"));
        Assert.Null(catalog.EscPathOf("not-a-name"));
    }
}
