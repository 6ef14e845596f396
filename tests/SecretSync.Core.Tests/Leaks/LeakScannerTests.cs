using SecretSync.Core.Checks.Leaks;
using SecretSync.Core.Tests.Files;

namespace SecretSync.Core.Tests.Leaks;

public sealed class LeakScannerTests
{
    private const string Value = "sk-live/Abc+123 xyz";

    private static IReadOnlyList<LeakFinding> Scan(string root, bool includeUntracked = false, long maxFileSize = LeakScanOptions.DefaultMaxFileSize, params KeyValuePair<string, string>[] values)
    {
        var known = values.Length > 0 ? values : [new("PLANTED_API_KEY", Value)];
        var options = new LeakScanOptions
        {
            IncludeUntracked = includeUntracked,
            MaxFileSize = maxFileSize,
            Detectors = LeakScanner.DefaultDetectors(known, NullSyncReporter.Instance),
        };
        return new LeakScanner(NullSyncReporter.Instance).Scan(root, options, CancellationToken.None);
    }

    [Fact]
    public void Scan_WithPlantedValuesOutsideGit_ShouldFindVerbatimUrlEncodedAndBase64WithLines()
    {
        using var folder = new TempFolder();
        folder.Write("src/app.py", "import os\nkey = \"" + Value + "\"\n");
        folder.Write("docs/url.md", "line 1\nline 2\nhttps://x.example/?k=" + Uri.EscapeDataString(Value) + "&other=1\n");
        folder.Write("docs/form.txt", "k=" + WebUtility.UrlEncode(Value) + "\n");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("u:" + Value));
        folder.Write("deploy/auth.yaml", "auth:\n  basic: " + basic + "\n");
        folder.Write(".git/config", Value);
        folder.Write("clean.txt", "nothing here\n");

        var findings = Scan(folder.Path);

        Assert.Equal(
            [
                ("deploy/auth.yaml", 2, LeakKind.KnownValueBase64),
                ("docs/form.txt", 1, LeakKind.KnownValueUrlEncoded),
                ("docs/url.md", 3, LeakKind.KnownValueUrlEncoded),
                ("src/app.py", 2, LeakKind.KnownValue),
            ],
            findings.Select(f => (f.File, f.Line, f.LeakKind)));
        Assert.All(findings, f => Assert.Equal("PLANTED_API_KEY", f.Name));
        Assert.All(findings, f => Assert.DoesNotContain(Value, f.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Scan_ShouldCountLinesAsEditorsDo_WhateverTheLineEnd(string newline)
    {
        // CRLF, LF and a lone CR each end a line (the one rule of Plumbing/Text/LineMap): a file saved with old Mac
        // line ends is not reported on line 1.
        using var folder = new TempFolder();
        folder.Write("notes.txt", string.Join(newline, "one", "two", "key = " + Value, "four"));

        Assert.Equal(3, Assert.Single(Scan(folder.Path)).Line);
    }

    [Fact]
    public void Scan_WithBinaryHugeAndShortValues_ShouldSkipThem()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "image.bin"), [.. Encoding.UTF8.GetBytes("\0\0" + Value)]);
        folder.Write("big.log", new string('x', 2000) + Value);
        folder.Write("short.txt", "pw=short1");

        var findings = Scan(folder.Path, maxFileSize: 1000, values: [new("PLANTED_API_KEY", Value), new("SHORT_PASSWORD", "short1")]);

        Assert.Empty(findings);
    }

    [Fact]
    public void Scan_InGitRepository_ShouldScanTrackedFilesAndReportTrackedDotEnv()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");
        folder.Write(".gitignore", "ignored.txt\n");
        folder.Write("tracked.txt", "a\n" + Value);
        folder.Write(".env", "PLANTED_API_KEY=" + Value + "\n");
        folder.Write("config/prod.env", "X=1\n");
        folder.Write(".env.template", "PLANTED_API_KEY=\n");
        folder.Git("add", ".");
        folder.Write("untracked.txt", Value);
        folder.Write("ignored.txt", Value);

        var tracked = Scan(folder.Path).Select(f => (f.File, f.Line, f.Name, f.LeakKind)).ToList();
        var withUntracked = Scan(folder.Path, includeUntracked: true).Select(f => f.File).Distinct().ToList();

        Assert.Equal(
            [
                (".env", 0, ".env", LeakKind.TrackedDotEnv),
                (".env", 1, "PLANTED_API_KEY", LeakKind.KnownValue),
                ("config/prod.env", 0, "prod.env", LeakKind.TrackedDotEnv),
                ("tracked.txt", 2, "PLANTED_API_KEY", LeakKind.KnownValue),
            ],
            tracked);
        Assert.Equal([".env", "config/prod.env", "tracked.txt", "untracked.txt"], withUntracked);
    }

    [Fact]
    public void Scan_WithMcpConfigs_ShouldReportLiteralCredentialsButNotReferences()
    {
        using var folder = new TempFolder();
        folder.Write(".mcp.json", """
            {
              // JSONC comment
              "mcpServers": {
                "linear": { "command": "npx", "env": { "LINEAR_API_KEY": "lin_api_abcdefgh12345", "LOG_LEVEL": "debugging-verbose" } },
                "github": { "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } },
                "remote": { "url": "https://x", "headers": { "Authorization": "Bearer abcdefghijkl" }, },
              }
            }
            """);
        folder.Write("notes/mcp.md", "\"env\": { \"LINEAR_API_KEY\": \"lin_api_abcdefgh12345\" }");

        var findings = Scan(folder.Path).Where(f => f.LeakKind == LeakKind.HardcodedInMcpConfig).Select(f => (f.File, f.Line, f.Name)).ToList();

        Assert.Equal([(".mcp.json", 4, "LINEAR_API_KEY"), (".mcp.json", 6, "Authorization")], findings);
    }

    [Fact]
    public void Scan_WithManyFiles_ShouldReturnStableSortedOrder()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 200; i++)
        {
            folder.Write($"d{i % 7}/f{i}.txt", i % 50 == 0 ? "x\n" + Value : "clean");
        }

        var first = Scan(folder.Path).Select(f => f.File).ToList();

        Assert.Equal(4, first.Count);
        Assert.Equal(first.OrderBy(f => f, StringComparer.Ordinal), first);
        Assert.Equal(first, Scan(folder.Path).Select(f => f.File));
    }
}
