namespace SecretSync.Core.Tests.Configuration;

/// <summary>The <c>shared</c> and <c>environments</c> keys of secretsync.json (issue 17).</summary>
public sealed class EnvironmentTargetReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("secretsync-envs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_WithEnvironments_ShouldReadEveryTargetInFileOrder()
    {
        var config = Load("""
            {
              "shared": { "esc": "acme/sophia/common", "categories": ["AI Services"] },
              "environments": {
                "dev": { "esc": "acme/sophia/dev" },
                "staging": { "esc": "acme/sophia/staging", "secrets": ["LINEAR_*"], "githubEnvironment": "staging", "source": { "suffix": "_STAGING" } },
                "prod": { "esc": "acme/prod", "source": { "prefix": "PROD_" } }
              }
            }
            """);

        Assert.Equal(["dev", "staging", "prod"], config.Environments.Select(e => e.Name).ToArray());
        Assert.Equal("acme/sophia/common", config.Shared!.Esc.ToString());
        Assert.True(config.Shared.IsShared);
        Assert.Equal(["AI Services"], config.Shared.Secrets.Categories.ToArray());
        var staging = config.Environments[1];
        Assert.Equal("staging", staging.GitHubEnvironment);
        Assert.Equal("LINEAR_API_KEY_STAGING", staging.Source!.NameFor("LINEAR_API_KEY"));
        Assert.Equal("PROD_LINEAR_API_KEY", config.Environments[2].Source!.NameFor("LINEAR_API_KEY"));
        Assert.Equal("acme/default/prod", config.Environments[2].Esc.ToString());
        Assert.True(config.Environments[0].Secrets.IsAll);
        Assert.Equal(["shared", "dev", "staging", "prod"], EnvironmentTargets.Configured(config).Select(t => t.Name).ToArray());
    }

    [Theory]
    [InlineData("{ \"environments\": [] }", 1, "must be an object of named targets")]
    [InlineData("{ \"environments\": {\n \"9lives\": { \"esc\": \"acme/a/b\" } } }", 2, "must be 1 to 40 letters")]
    [InlineData("{ \"environments\": {\n \"Shared\": { \"esc\": \"acme/a/b\" } } }", 2, "is taken")]
    [InlineData("{ \"environments\": { \"dev\": { \"esc\": \"acme/a/b\" },\n \"DEV\": { \"esc\": \"acme/a/c\" } } }", 2, "is taken")]
    [InlineData("{ \"environments\": { \"status\": { \"esc\": \"acme/a/b\" } } }", 1, "is taken")]
    [InlineData("{ \"environments\": { \"dev\": {\n \"secrets\": [] } } }", 1, "needs \"esc\"")]
    [InlineData("{ \"environments\": { \"dev\": { \"esc\":\n \"acme/../x\" } } }", 2, "\"esc\" of environment \"dev\"")]
    [InlineData("{ \"environments\": { \"dev\": { \"esc\": \"acme/a/b\", \"source\":\n { \"suffix\": \"_STAGING\", \"prefix\": \"X_\" } } } }", 2, "\"source\" of environment \"dev\" must be")]
    [InlineData("{ \"environments\": { \"dev\": { \"esc\": \"acme/a/b\", \"source\": { \"suffix\":\n \"-dev\" } } } }", 2, "capital letters, digits and '_' only")]
    [InlineData("{ \"environments\": { \"dev\": { \"esc\": \"acme/a/b\", \"secrets\":\n [\"LINEAR API\"] } } }", 2, "\"secrets\" of environment \"dev\"")]
    [InlineData("{ \"environments\": { \"dev\": { \"esc\": \"acme/a/b\", \"githubEnvironment\":\n \"prod'uction\" } } }", 2, "\"githubEnvironment\" of environment \"dev\"")]
    public void Load_WithABadEnvironment_ShouldNameLineAndProblem(string json, int line, string problem)
    {
        var e = Assert.Throws<ConfigParseException>(() => Load(json));

        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"environments\": { \"a\": { \"esc\": \"acme/x/y\" }, \"b\": { \"esc\": \"acme/x/y\" } } }", "both write ESC environment acme/x/y")]
    [InlineData("{ \"shared\": { \"esc\": \"acme/x/common\" }, \"environments\": { \"a\": { \"esc\": \"other/x/y\" } } }", "not in the organisation of the shared base")]
    [InlineData("{ \"shared\": { \"esc\": \"acme/x/common\" }, \"environments\": { \"a\": { \"esc\": \"acme/x/common\" } } }", "both write ESC environment acme/x/common")]
    public void Load_WithTargetsThatCannotWorkTogether_ShouldRefuse(string json, string problem)
    {
        var e = Assert.Throws<ConfigParseException>(() => Load(json));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithUnknownKeysOrSharedAlone_ShouldWarn()
    {
        var config = Load("{ \"shared\": { \"esc\": \"acme/x/common\", \"colour\": 1 } }");

        Assert.Contains(config.Warnings, w => w.Contains("unknown key \"colour\" in \"shared\"", StringComparison.Ordinal));
        Assert.Contains(config.Warnings, w => w.Contains("\"shared\" has no effect without \"environments\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_WithNamesAndReferences_ShouldPutTheBaseFirstAndKeepEachOnce()
    {
        var config = Load("{ \"shared\": { \"esc\": \"acme/x/common\" }, \"environments\": { \"dev\": { \"esc\": \"acme/x/dev\" } } }");

        var targets = EnvironmentTargets.Resolve(config, ["acme/x/dev", "DEV", "acme/other", "shared"]);

        Assert.Equal(["shared", "dev", "acme/default/other"], targets.Select(t => t.Name).ToArray());
        Assert.Equal("x/common", EnvironmentTargets.RequiredImport(config, targets[1]));
        Assert.Null(EnvironmentTargets.RequiredImport(config, targets[2]));
        var e = Assert.Throws<ArgumentException>(() => EnvironmentTargets.Resolve(config, ["qa"]));
        Assert.Contains("names shared, dev", e.Message, StringComparison.Ordinal);
    }

    private ProjectConfig Load(string json)
    {
        var path = Path.Combine(_root, Guid.NewGuid().ToString("n"), ProjectConfigLoader.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return ProjectConfigLoader.Load(path);
    }
}
