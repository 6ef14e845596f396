using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Tests.Collectors;

public sealed class SecretCollectorTests : IDisposable
{
    private static readonly SecretCatalog s_catalog = SecretCatalog.Build(
    [
        (CatalogEntry.BuiltInOrigin, "test-catalog.json", new List<CatalogEntryDefinition>
        {
            new() { Name = "LINEAR_API_KEY" },
            new() { Name = "GONG_API_KEY" },
        }),
    ]);

    private readonly string _folder = Directory.CreateTempSubdirectory("secretsync-collect-").FullName;
    private readonly RecordingReporter _reporter = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<List<SecretRecord>> Collect(Dictionary<string, string> environment, string dotEnv, CollectOptions? options = null)
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllText(path, dotEnv);
        var collector = new SecretCollector(s_catalog, ProjectConfig.Empty, environment, new GitHubActionsMasker(new StringWriter(), false), _reporter);
        var given = options ?? new CollectOptions();
        return collector.CollectAsync(
            new CollectOptions { DotEnvFiles = [path], NameFilter = given.NameFilter, KeepShadowed = given.KeepShadowed, AdviseOnNames = given.AdviseOnNames },
            _folder,
            CancellationToken.None);
    }

    [Fact]
    public async Task CollectAsync_WithNameInEnvironmentAndDotEnv_ShouldLetTheEnvironmentWinAndWarnOnce()
    {
        var records = await Collect(new() { ["LINEAR_API_KEY"] = "value-from-env" }, "LINEAR_API_KEY=value-from-file\nGONG_API_KEY=g\n");

        var linear = Assert.Single(records, r => r.Name == "LINEAR_API_KEY");
        Assert.Equal((SecretSource.Environment, "value-from-env"), (linear.SourceKind, linear.RevealValue()));
        Assert.Single(records, r => r.Name == "GONG_API_KEY");
        var warning = Assert.Single(_reporter.Warnings);
        Assert.Contains("env:LINEAR_API_KEY", warning, StringComparison.Ordinal);
        Assert.Contains(".env:1", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("value-from", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_WithSameValueInEnvironmentAndDotEnv_ShouldReturnTheEnvironmentsWithoutWarning()
    {
        var records = await Collect(new() { ["LINEAR_API_KEY"] = "same" }, "LINEAR_API_KEY=same\n");

        Assert.Equal(SecretSource.Environment, Assert.Single(records).SourceKind);
        Assert.Empty(_reporter.Warnings);
    }

    [Fact]
    public async Task CollectAsync_WithKeepShadowed_ShouldReturnBothWithoutWarning()
    {
        var records = await Collect(new() { ["LINEAR_API_KEY"] = "a" }, "LINEAR_API_KEY=b\n", new CollectOptions { KeepShadowed = true });

        Assert.Equal([SecretSource.Environment, SecretSource.DotEnv], records.Select(r => r.SourceKind));
        Assert.Empty(_reporter.Warnings);
    }

    [Fact]
    public async Task CollectAsync_WithNameNearACataloguedOne_ShouldAskDidYouMean()
    {
        await Collect([], "LINEAR_APY_KEY=x\nACME_API_KEY=y\n");

        var warning = Assert.Single(_reporter.Warnings);
        Assert.Contains("LINEAR_APY_KEY (.env:1)", warning, StringComparison.Ordinal);
        Assert.Contains("did you mean LINEAR_API_KEY?", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_WithoutNameAdvice_ShouldNotWarnAboutTypos()
    {
        await Collect([], "LINEAR_APY_KEY=x\n", new CollectOptions { AdviseOnNames = false });

        Assert.Empty(_reporter.Warnings);
    }

    [Fact]
    public async Task CollectAsync_WithEscPathFilter_ShouldKeepTheRecordAtThatPath()
    {
        var records = await Collect([], "LINEAR_API_KEY=x\nGONG_API_KEY=y\n", new CollectOptions { NameFilter = p => p == "linear.linear_api_key" });

        Assert.Equal("LINEAR_API_KEY", Assert.Single(records).Name);
    }
}
