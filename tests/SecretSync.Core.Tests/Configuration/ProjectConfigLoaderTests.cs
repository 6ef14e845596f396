namespace SecretSync.Core.Tests.Configuration;

public sealed class ProjectConfigLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("secretsync-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string json, string folder = "")
    {
        var dir = Path.Combine(_root, folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, ProjectConfigLoader.FileName);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_WithDesignExample_ShouldReadEveryKey()
    {
        var path = Write("""
            {
              "escEnvironment": "ai-cherry/sophia-production",
              "githubOrganization": "ai-cherry",
              "githubRepository": "ai-cherry/sophia",
              "envFiles": [".env"],
              "mcpConfigs": ["mcp_config.json"],
              "template": ".env.template",
              "workflow": ".github/workflows/unified-secret-sync.yml",
              "patterns": ["*_API_KEY", "*_TOKEN"],
              "githubWriteLimits": { "perMinute": 20, "perHour": 100 },
              "secrets": [
                { "name": "LINEAR_API_KEY", "category": "Core Services", "description": "Linear API", "required": true },
                { "name": "GITHUB_PAT", "category": "Infrastructure", "githubName": "GH_PAT" }
              ]
            }
            """);

        var config = ProjectConfigLoader.Load(path);

        Assert.Equal("ai-cherry/sophia-production", config.EscEnvironment);
        Assert.Equal("ai-cherry", config.GitHubOrganization);
        Assert.Equal("ai-cherry/sophia", config.GitHubRepository);
        Assert.Equal([Path.Combine(_root, ".env")], config.EnvFiles);
        Assert.Equal([Path.Combine(_root, "mcp_config.json")], config.McpConfigs);
        Assert.Equal(Path.Combine(_root, ".env.template"), config.Template);
        Assert.Equal(["*_API_KEY", "*_TOKEN"], config.Patterns);
        Assert.Equal(20, config.GitHubWritesPerMinute);
        Assert.Equal(100, config.GitHubWritesPerHour);
        Assert.Equal(2, config.Secrets.Count);
        Assert.Equal("GH_PAT", config.Secrets[1].GitHubName);
        Assert.Equal(13, config.Secrets[1].Line);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Load_WithoutPatterns_ShouldUseTheDefaults()
    {
        var config = ProjectConfigLoader.Load(Write("{}"));

        Assert.Equal(ProjectConfig.DefaultPatterns, config.Patterns);
        Assert.Equal(80, config.GitHubWritesPerMinute);
        Assert.Equal(500, config.GitHubWritesPerHour);
    }

    [Theory]
    [InlineData("{\n  \"envFiles\": [\".env\",,]\n}", 2, "\"envFiles\" must be an array of strings")]
    [InlineData("{\n  \"escEnvironment\": \"a/b\"\n", 3, "invalid JSON")]
    [InlineData("[]", 1, "one JSON object")]
    [InlineData("{\n \"envFiles\": \".env\"\n}", 2, "\"envFiles\" must be an array of strings")]
    [InlineData("{\n \"secrets\": [ { \"category\": \"x\" } ]\n}", 2, "needs \"name\"")]
    [InlineData("{\n \"secrets\": [ { \"name\": \"A_API_KEY\", \"required\": \"yes\" } ]\n}", 2, "\"required\" must be true or false")]
    [InlineData("{\n \"githubWriteLimits\": { \"perMinute\": 0 }\n}", 2, "positive whole number")]
    [InlineData("{\n \"escEnvironment\": \"a\",\n \"escEnvironment\": \"b\"\n}", 3, "invalid JSON")]
    [InlineData("{} {}", 1, "invalid JSON")]
    public void Load_WithMalformedFile_ShouldNameFileLineAndColumn(string json, int line, string problem)
    {
        var path = Write(json);

        var error = Assert.Throws<ConfigParseException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}:{error.Column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithUnknownKeys_ShouldWarnWithPositionAndGoOn()
    {
        var path = Write("{\n  \"escEnviroment\": \"a/b\",\n  \"secrets\": [ { \"name\": \"A_API_KEY\", \"colour\": 1 } ]\n}");

        var config = ProjectConfigLoader.Load(path);

        Assert.Null(config.EscEnvironment);
        Assert.Equal(2, config.Warnings.Count);
        Assert.StartsWith($"{path}:2:", config.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("escEnviroment", config.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("colour", config.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FromNestedFolder_ShouldWalkUp()
    {
        var path = Write("{}");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "a", "b", "c")).FullName;

        Assert.Equal(path, ProjectConfigLoader.Find(nested));
    }

    [Fact]
    public void Find_WithNearerFile_ShouldPreferIt()
    {
        Write("{}");
        var nearer = Write("{}", "sub");

        Assert.Equal(nearer, ProjectConfigLoader.Find(Path.Combine(_root, "sub")));
    }
}
