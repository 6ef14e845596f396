namespace SecretSync.Core.Tests.Naming;

public sealed class SecretNameRulesTests
{
    [Theory]
    [InlineData("LINEAR_API_KEY", "LINEAR", "API_KEY", "linear.linear_api_key")]
    [InlineData("LAMBDA_LABS_API_KEY", "LAMBDA_LABS", "API_KEY", "lambda_labs.lambda_labs_api_key")]
    [InlineData("GONG_CLIENT_SECRET", "GONG", "CLIENT_SECRET", "gong.gong_client_secret")]
    [InlineData("GONG_CLIENT_ID", "GONG", "CLIENT_ID", "gong.gong_client_id")]
    [InlineData("VERCEL_ACCESS_TOKEN", "VERCEL", "ACCESS_TOKEN", "vercel.vercel_access_token")]
    [InlineData("VERCEL_PROJECT_ID", "VERCEL", "PROJECT_ID", "vercel.vercel_project_id")]
    [InlineData("SLACK_BOT_TOKEN", "SLACK", "BOT_TOKEN", "slack.slack_bot_token")]
    [InlineData("GITHUB_PAT", "GITHUB", "PAT", "github.github_pat")]
    [InlineData("SNOWFLAKE_USER", "SNOWFLAKE", "USER", "snowflake.snowflake_user")]
    [InlineData("PINECONE_ENVIRONMENT", "PINECONE", "ENVIRONMENT", "pinecone.pinecone_environment")]
    [InlineData("S3_SECRET_KEY", "S3", "SECRET_KEY", "s3.s3_secret_key")]
    public void Check_WithConventionalName_ShouldSplitServiceAndType(string name, string service, string type, string escPath)
    {
        var check = SecretNameRules.Check(name);

        Assert.True(check.IsValid);
        Assert.Equal(service, check.Service);
        Assert.Equal(type, check.CredentialType);
        Assert.Equal(escPath, check.EscPath);
    }

    [Theory]
    [InlineData("LINEAR_API_KEY")]
    [InlineData("GITHUB_PAT")]
    [InlineData("S3_SECRET_KEY")]
    [InlineData("API_KEY")]
    [InlineData("_API_KEY")]
    [InlineData("LINEAR_APIKEY")]
    [InlineData("linear_api_key")]
    [InlineData("LINEAR__API_KEY")]
    [InlineData("LINEAR_API_KEY_")]
    [InlineData("PORT")]
    [InlineData("9_API_KEY")]
    [InlineData("A_KEY")]
    [InlineData("")]
    public void Follows_ShouldAgreeWithCheck(string name)
    {
        Assert.Equal(SecretNameRules.Check(name).IsValid, SecretNameRules.Follows(name));
    }

    [Theory]
    [InlineData("CONTEXT_API_KEY", "context_.context_api_key")]
    [InlineData("IMPORTS_TOKEN", "imports_.imports_token")]
    [InlineData("ENVIRONMENTS_API_KEY", "environments_.environments_api_key")]
    [InlineData("FILES_API_KEY", "files_.files_api_key")]
    [InlineData("CONTEXTUAL_API_KEY", "contextual.contextual_api_key")]
    public void Check_WithServiceThatEscReservesUnderValues_ShouldMapItToASafeSegment(string name, string escPath)
    {
        // ESC refuses imports, context and environments as keys of values, and files is its temp-file map.
        var check = SecretNameRules.Check(name);

        Assert.Equal(escPath, check.EscPath);
        Assert.Equal(escPath, Core.Stores.Esc.EscSecretPath.Parse(escPath).ToString());
    }

    [Theory]
    [InlineData("linear_api_key", "LINEAR_API_KEY")]
    [InlineData("linear-api-key", "LINEAR_API_KEY")]
    [InlineData("LINEAR", "LINEAR_API_KEY")]
    [InlineData("1PASSWORD_TOKEN", "S1PASSWORD_TOKEN")]
    [InlineData("  my key ", "MY_KEY")]
    [InlineData("", "SERVICE_API_KEY")]
    [InlineData("DOTNET_ROOT", "DOTNET_ROOT_API_KEY")]
    public void Check_WithBadName_ShouldBeInvalidWithSuggestion(string name, string suggestion)
    {
        var check = SecretNameRules.Check(name);

        Assert.False(check.IsValid);
        Assert.Equal(suggestion, check.SuggestedName);
        Assert.Contains(suggestion, check.Reason, System.StringComparison.Ordinal);
        Assert.True(SecretNameRules.Check(suggestion).IsValid);
    }

    [Fact]
    public void Check_WithExplicitService_ShouldUseIt()
    {
        var check = SecretNameRules.Check("SNOWFLAKE_WAREHOUSE_NAME", "SNOWFLAKE");

        Assert.True(check.IsValid);
        Assert.Equal("WAREHOUSE_NAME", check.CredentialType);
        Assert.Equal("snowflake.snowflake_warehouse_name", check.EscPath);
    }

    [Theory]
    [InlineData("GITHUB_PAT", false)]
    [InlineData("github_token", false)]
    [InlineData("GH_PAT", true)]
    [InlineData("9LIVES_API_KEY", false)]
    [InlineData("A-B", false)]
    [InlineData("lower_case_ok", true)]
    public void Violation_WithGitHubRules_ShouldMatchGitHub(string name, bool accepted)
    {
        Assert.Equal(accepted, GitHubNameRules.Violation(name) is null);
    }

    [Fact]
    public void Check_WithGitHubPrefix_ShouldBeValidButNotGitHubCompatible()
    {
        var check = SecretNameRules.Check("GITHUB_TOKEN");

        Assert.True(check.IsValid);
        Assert.False(check.GitHubCompatible);
        Assert.Contains("GH_TOKEN", check.Reason, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X_API_KEY", "API_KEY")]
    [InlineData("X_KEY", "KEY")]
    [InlineData("X_SECRET", "SECRET")]
    [InlineData("X_CLIENT_SECRET", "CLIENT_SECRET")]
    [InlineData("APIKEY", null)]
    [InlineData("TOKEN", null)]
    public void LongestSuffixOf_WithSegments_ShouldPreferLongest(string name, string? expected)
    {
        Assert.Equal(expected, CredentialTypes.LongestSuffixOf(name));
    }
}
