using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Tests.GitHub;

namespace SecretSync.Core.Tests.Sync;

/// <summary>How one set of records is split over the shared base and the environments (issue 17).</summary>
public sealed class MultiEnvironmentInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("secretsync-multi-").FullName;
    private readonly ProjectConfig _config;

    public MultiEnvironmentInputTests()
    {
        var path = Path.Combine(_root, ProjectConfigLoader.FileName);
        File.WriteAllText(path, """
            {
              "shared": { "esc": "acme/app/common", "secrets": ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"] },
              "environments": {
                "dev": { "esc": "acme/app/dev", "secrets": ["LINEAR_API_KEY", "GONG_API_KEY", "OPENAI_API_KEY"] },
                "staging": { "esc": "acme/app/staging", "secrets": ["LINEAR_API_KEY", "OPENAI_API_KEY"], "source": { "suffix": "_STAGING" } }
              }
            }
            """);
        _config = ProjectConfigLoader.Load(path);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Build_ShouldWriteSharedNamesOnceAndOwnValuesWhereTheyAre()
    {
        var records = new[]
        {
            Record("OPENAI_API_KEY", "shared-openai"), Record("LINEAR_API_KEY", "plain-linear"), Record("GONG_API_KEY", "gong"),
            Record("LINEAR_API_KEY_STAGING", "staging-linear"), Record("OPENAI_API_KEY_STAGING", "staging-openai"), Record("STRAY_API_KEY", "x"),
        };

        var (inputs, unreceived, sourceNamed) = MultiEnvironmentInput.Build(_config, EnvironmentTargets.Configured(_config), records, SampleProject.Catalog(), allowEmpty: false);

        Assert.Equal("OPENAI_API_KEY=shared-openai", Describe(inputs[0]));
        Assert.Equal("GONG_API_KEY=gong LINEAR_API_KEY=plain-linear", Describe(inputs[1]));
        Assert.Equal("LINEAR_API_KEY=staging-linear OPENAI_API_KEY=staging-openai", Describe(inputs[2]));
        Assert.Null(inputs[0].Import);
        Assert.Equal("app/common", inputs[1].Import);
        Assert.Equal("LINEAR_API_KEY_STAGING", inputs[2].SourceNames["LINEAR_API_KEY"]);
        Assert.Equal(["STRAY_API_KEY"], unreceived.ToArray());
        Assert.Equal(["LINEAR_API_KEY_STAGING", "OPENAI_API_KEY_STAGING"], sourceNamed.OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Build_WithoutTheOwnValue_ShouldFallBackToThePlainNameUnlessTheBaseCarriesIt()
    {
        var records = new[] { Record("OPENAI_API_KEY", "shared-openai"), Record("LINEAR_API_KEY", "plain-linear") };
        var staging = EnvironmentTargets.Resolve(_config, ["staging"]);

        var (inputs, _, _) = MultiEnvironmentInput.Build(_config, staging, records, SampleProject.Catalog(), allowEmpty: false);

        Assert.Equal("LINEAR_API_KEY=plain-linear", Describe(inputs.Single()));
    }

    [Fact]
    public void Build_ForAReferenceOnly_ShouldSyncEveryRecordAsOneEnvironmentDoes()
    {
        var records = new[] { Record("OPENAI_API_KEY", "o"), Record("STRAY_API_KEY", "s") };
        var other = EnvironmentTargets.Resolve(_config, ["acme/app/other"]);

        var (inputs, unreceived, _) = MultiEnvironmentInput.Build(_config, other, records, SampleProject.Catalog(), allowEmpty: false);

        Assert.Equal("OPENAI_API_KEY=o STRAY_API_KEY=s", Describe(inputs.Single()));
        Assert.Null(inputs.Single().Import);
        Assert.Empty(unreceived);
    }

    private static SecretRecord Record(string name, string value) => new(name, SecretSource.Environment, "test", value);

    private static string Describe(EnvironmentSyncInput input) =>
        string.Join(" ", input.Input.Desired.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => $"{d.Name}={d.Value}"));
}
