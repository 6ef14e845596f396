using SecretSync.Core.Checks.Drift;

namespace SecretSync.Core.Tests.Drift;

/// <summary>Builds analyzer inputs: a small catalog (LINEAR_API_KEY required, GONG_API_KEY optional) and records per source.</summary>
internal sealed class DriftScenario
{
    public static readonly DateTimeOffset RevisionWritten = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<SecretRecord> _records = [];
    private readonly List<McpNameReference> _references = [];
    private readonly List<string> _requested = [];
    private readonly List<string> _pushedFromEsc = [];
    private readonly Dictionary<string, DateTimeOffset> _changedAfterPush = [];
    private bool _gitHubRead;
    private bool _escRead;
    private int _dotEnvFiles;

    public static SecretCatalog Catalog { get; } = SecretCatalog.Build(
    [
        (CatalogEntry.BuiltInOrigin, "test-catalog.json", new List<CatalogEntryDefinition>
        {
            new() { Name = "LINEAR_API_KEY", Required = true },
            new() { Name = "GONG_API_KEY" },
        }),
    ]);

    public DriftScenario Env(string name, string value) => Add(new SecretRecord(name, SecretSource.Environment, "env:" + name, value));

    public DriftScenario DotEnv(string name, string value, string file = ".env")
    {
        _dotEnvFiles = Math.Max(_dotEnvFiles, 1);
        return Add(new SecretRecord(name, SecretSource.DotEnv, file + ":1", value));
    }

    public DriftScenario DotEnvFiles(int count)
    {
        _dotEnvFiles = count;
        return this;
    }

    public DriftScenario GitHub(string name, DateTimeOffset? updated = null)
    {
        _gitHubRead = true;
        return Add(new SecretRecord(name, SecretSource.GitHub, "github:acme", null) { UpdatedAt = updated ?? RevisionWritten.AddDays(-1) });
    }

    public DriftScenario Esc(string name, string value)
    {
        _escRead = true;
        return Add(new SecretRecord(name, SecretSource.Esc, "esc:acme/default/prod@7", value));
    }

    public DriftScenario ReadGitHub()
    {
        _gitHubRead = true;
        return this;
    }

    public DriftScenario ReadEsc()
    {
        _escRead = true;
        return this;
    }

    public DriftScenario Mcp(string name, string file = "/p/.mcp.json")
    {
        _references.Add(new McpNameReference(name, file, 3));
        return this;
    }

    /// <summary>A reference the client resolves from its own process environment only, e.g. Cursor's <c>${env:NAME}</c>.</summary>
    public DriftScenario McpFromEnvironmentOnly(string name, string file = "/p/.cursor/mcp.json")
    {
        _references.Add(new McpNameReference(name, file, 3, clientReadsDotEnv: false));
        return this;
    }

    public DriftScenario PushedFromEsc(string name)
    {
        _pushedFromEsc.Add(name);
        return this;
    }

    public DriftScenario ChangedInGitHubAfterPush(string name, DateTimeOffset pushedAt)
    {
        _changedAfterPush[name] = pushedAt;
        return this;
    }

    public DriftScenario Request(string name)
    {
        _requested.Add(name);
        return this;
    }

    public DriftInput Input(Func<string, bool>? filter = null) => new(Catalog)
    {
        Records = _records,
        DotEnvFileCount = _dotEnvFiles,
        GitHubRead = _gitHubRead,
        EscRead = _escRead,
        EscRevision = _escRead ? 7 : null,
        EscRevisionCreatedAt = _escRead ? RevisionWritten : null,
        McpReferences = _references,
        RequestedNames = _requested,
        PushedFromEsc = _pushedFromEsc,
        ChangedInGitHubAfterPush = _changedAfterPush,
        NameFilter = filter,
    };

    public IReadOnlyList<DriftRecord> Analyze(Func<string, bool>? filter = null) => DriftAnalyzer.Analyze(Input(filter));

    private DriftScenario Add(SecretRecord record)
    {
        _records.Add(record);
        return this;
    }
}
