using System;
using System.IO;
using System.Linq;
using SecretSync.Core.Catalog;
using SecretSync.Core.Collectors;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Secrets;
using Xunit;

namespace SecretSync.Core.Tests.Collectors;

public sealed class DotEnvCollectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secretsync-dotenv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DotEnvCollector Create()
    {
        var catalog = SecretCatalog.Build([]);
        return new DotEnvCollector(new SecretRecordFactory(catalog, new GitHubActionsMasker(new StringWriter(), false)), _ => null);
    }

    [Fact]
    public void Collect_WithFile_ShouldReturnEveryKeyInFileOrderWithLineOrigins()
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllText(path, "B_API_KEY=1\n# comment\nA_TOKEN=\"two words\"\nC=${A_TOKEN}!\n");

        var records = Create().Collect(path);

        Assert.Equal(["B_API_KEY", "A_TOKEN", "C"], records.Select(r => r.Name));
        Assert.Equal([".env:1", ".env:3", ".env:4"], records.Select(r => r.Origin));
        Assert.Equal("two words!", records[2].RevealValue());
        Assert.All(records, r => Assert.Equal(SecretSource.DotEnv, r.Source));
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
}
