using SecretSync.Core.DotEnv;
using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Tests.Collectors;

public sealed class DotEnvCollectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secretsync-dotenv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private readonly RecordingReporter _reporter = new();

    private DotEnvCollector Create(Func<string, bool>? requested = null)
    {
        var catalog = SecretCatalog.Build([]);
        var selector = new DotEnvKeySelector(catalog, ProjectConfig.DefaultPatterns, requested);
        return new DotEnvCollector(new SecretRecordFactory(catalog, new GitHubActionsMasker(new StringWriter(), false)), _ => null, selector, _reporter);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Collect_WithFile_ShouldReturnEveryKeyInFileOrderWithLineOrigins()
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllText(path, "B_API_KEY=1\n# comment\nA_TOKEN=\"two words\"\nC_SECRET=${A_TOKEN}!\n");

        var records = Create().Collect(path);

        Assert.Equal(["B_API_KEY", "A_TOKEN", "C_SECRET"], records.Select(r => r.Name));
        Assert.Equal([".env:1", ".env:3", ".env:4"], records.Select(r => r.Origin));
        Assert.Equal("two words!", records[2].RevealValue());
        Assert.All(records, r => Assert.Equal(SecretSource.DotEnv, r.SourceKind));
    }

    [Fact]
    public void Collect_WithMalformedFile_ShouldThrowBeforeReturningAnyRecord()
    {
        var path = Path.Combine(_folder, "bad.env");
        File.WriteAllText(path, "GOOD_API_KEY=fine-value\nthis is not valid\n");

        var error = Assert.Throws<DotEnvParseException>(() => Create().Collect(path));

        Assert.Equal(2, error.Line);
        Assert.DoesNotContain("fine-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_WithConfigurationKeys_ShouldSkipThemQuietlyAndListThemInVerbose()
    {
        var path = Write("PORT=3000\nNODE_ENV=production\nDATABASE_URL=postgres://u:p@h/db\nDEBUG=1\nLINEAR_API_KEY=x\nlinear_token=y\nsk-pasted.S3cr3t=1\n");

        var records = Create().Collect(path);

        Assert.Equal(["DATABASE_URL", "LINEAR_API_KEY", "linear_token"], records.Select(r => r.Name));
        Assert.Empty(_reporter.Warnings);
        var verbose = Assert.Single(_reporter.Verboses, v => v.Contains("PORT", StringComparison.Ordinal));
        Assert.Contains("PORT (line 1), NODE_ENV (line 2), DEBUG (line 4), a key on line 7", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("3000", verbose, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_WithConfigurationKeyAskedFor_ShouldReturnIt()
    {
        var path = Write("PORT=3000\nNODE_ENV=production\n");

        var records = Create(name => name == "PORT").Collect(path);

        Assert.Equal(["PORT"], records.Select(r => r.Name));
    }

    [Fact]
    public void Collect_WithKeyWithoutEqualSign_ShouldReadItAsNotSetSayItAndGoOn()
    {
        var path = Write("A_API_KEY=1\nDEBUG_TOKEN\nB_API_KEY=2\nC_API_KEY=3\nC_API_KEY # declared again, no value\nghp_pastedS3cr3tValue123\n");

        var records = Create().Collect(path);

        Assert.Equal(["A_API_KEY", "B_API_KEY"], records.Select(r => r.Name));
        Assert.Contains(_reporter.Verboses, v => v.StartsWith(".env:2: ", StringComparison.Ordinal) && v.Contains("without '='", StringComparison.Ordinal));
        Assert.Contains(_reporter.Verboses, v => v.StartsWith(".env:5: ", StringComparison.Ordinal) && v.Contains("earlier line", StringComparison.Ordinal));
        Assert.Contains(_reporter.Verboses, v => v.StartsWith(".env:6: ", StringComparison.Ordinal));
        Assert.DoesNotContain(_reporter.Verboses, v => v.Contains("S3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_WithDotNetEnvDialect_ShouldReadValuesAsDotNetEnvDoes()
    {
        var path = Write("A_TOKEN=\"a\\x41\"\nB_TOKEN=#c\nC_TOKEN='same'\n");

        var python = Create().Collect(path);
        var dotNetEnv = Create().Collect(path, DotEnvDialect.DotNetEnv);

        Assert.Equal(["a\\x41", "#c", "same"], python.Select(r => r.RevealValue()));
        Assert.Equal(["aA", "", "same"], dotNetEnv.Select(r => r.RevealValue()));
        Assert.Equal([".env:1", ".env:2", ".env:3"], dotNetEnv.Select(r => r.Origin));
    }
}
