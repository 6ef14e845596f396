using SecretSync.Core.Checks.Drift;
using SecretSync.Core.Tests.GitHub;

namespace SecretSync.Core.Tests.Drift;

/// <summary>The cross-environment table of Compare-SophiaSecret (issue 17), from snapshots alone.</summary>
public sealed class EnvironmentDriftTableTests : IDisposable
{
    private static readonly DateTimeOffset s_written = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("secretsync-drift-envs-").FullName;
    private readonly ProjectConfig _config;

    public EnvironmentDriftTableTests()
    {
        var path = Path.Combine(_root, ProjectConfigLoader.FileName);
        File.WriteAllText(path, """
            {
              "shared": { "esc": "acme/app/common", "secrets": ["OPENAI_API_KEY"] },
              "environments": {
                "dev": { "esc": "acme/app/dev", "secrets": ["LINEAR_API_KEY"], "source": { "suffix": "_DEV" } },
                "prod": { "esc": "acme/app/prod", "secrets": ["LINEAR_API_KEY", "GONG_API_KEY"] }
              }
            }
            """);
        _config = ProjectConfigLoader.Load(path);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Build_ShouldGroupValuesByLetterAndSayWhatIsMissingSharedOrStale()
    {
        var targets = EnvironmentTargets.Configured(_config);
        var snapshots = new[]
        {
            Snapshot(targets[0], ("OPENAI_API_KEY", "f-openai", false)),
            Snapshot(targets[1], ("OPENAI_API_KEY", "f-openai", true), ("LINEAR_API_KEY", "f-dev", false)),
            Snapshot(targets[2], ("OPENAI_API_KEY", "f-openai", true), ("LINEAR_API_KEY", "f-prod", false), ("EXTRA_API_KEY", "f-x", false)),
        };
        var gitHub = new Dictionary<string, DateTimeOffset> { ["LINEAR_API_KEY_DEV"] = s_written.AddHours(1), ["LINEAR_API_KEY"] = s_written.AddHours(-1) };

        var rows = EnvironmentDriftTable.Build(_config, SampleProject.Catalog(), snapshots, gitHub).ToDictionary(r => r.Name);

        Assert.Equal("Same: A | A (shared) | A (shared)", Describe(rows["OPENAI_API_KEY"]));
        Assert.Equal("Stale: - | A (stale) | B", Describe(rows["LINEAR_API_KEY"]));
        Assert.Equal("Missing: - | - | missing", Describe(rows["GONG_API_KEY"]));
        Assert.Equal("Same: - | - | A", Describe(rows["EXTRA_API_KEY"]));
    }

    [Fact]
    public void Build_WithAnUnreadableEnvironment_ShouldMarkItsCellsAndCompareTheOthers()
    {
        var targets = EnvironmentTargets.Configured(_config);
        var snapshots = new[]
        {
            Snapshot(targets[0], ("OPENAI_API_KEY", "f1", false)),
            new EnvironmentSnapshot(targets[1], new Dictionary<string, (string, bool)>(), null, "403"),
            Snapshot(targets[2], ("OPENAI_API_KEY", "f2", false)),
        };

        var row = EnvironmentDriftTable.Build(_config, SampleProject.Catalog(), snapshots, null, n => n == "OPENAI_API_KEY").Single();

        Assert.Equal("Differs: A | ? | B", Describe(row));
        var markdown = EnvironmentDriftMarkdown.Format([row], ["shared", "dev", "prod"]);
        Assert.Equal("| Name | Status | shared | dev | prod |", markdown[2]);
        Assert.Equal("| `OPENAI_API_KEY` | Differs | A | ? | B |", markdown[4]);
    }

    private static EnvironmentSnapshot Snapshot(EnvironmentTarget target, params (string Name, string Fingerprint, bool Imported)[] secrets) =>
        new(target, secrets.ToDictionary(s => s.Name, s => (s.Fingerprint, s.Imported)), s_written);

    private static string Describe(EnvironmentDriftRow row) => $"{row.Status}: " + string.Join(" | ", row.Cells.Select(c => c.Value));
}
