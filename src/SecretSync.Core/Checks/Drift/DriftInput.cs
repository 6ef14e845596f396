using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Checks.Drift;

/// <summary>Everything <see cref="DriftAnalyzer"/> compares: what each source holds and what was read at all.</summary>
public sealed class DriftInput
{
    public DriftInput(SecretCatalog catalog)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <summary>The merged catalog (built-in + secretsync.json).</summary>
    public SecretCatalog Catalog { get; }

    /// <summary>Records of every source read (Environment, DotEnv, GitHub, Esc), in any order.</summary>
    public IReadOnlyList<SecretRecord> Records { get; init; } = [];

    /// <summary>How many .env files were read; MissingLocally needs at least one (a CI runner has none).</summary>
    public int DotEnvFileCount { get; init; }

    /// <summary>True when GitHub's inventory was read; otherwise InGitHub is null and nothing is Stale.</summary>
    public bool GitHubRead { get; init; }

    /// <summary>True when ESC was opened; otherwise InEsc is null and nothing is MissingInEsc, Stale or MissingLocally.</summary>
    public bool EscRead { get; init; }

    /// <summary>The ESC revision that was opened.</summary>
    public long? EscRevision { get; init; }

    /// <summary>When that revision was written (GET .../versions); Stale needs it.</summary>
    public DateTimeOffset? EscRevisionCreatedAt { get; init; }

    /// <summary>Names GitHub holds exactly ESC's value of (from SecretSync's push ledger): never Stale.</summary>
    public IReadOnlyCollection<string> PushedFromEsc { get; init; } = [];

    /// <summary>
    /// Names GitHub changed after SecretSync's last recorded push of them, with when that push was: Stale whatever
    /// the ESC revision's time, until a push is recorded again.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> ChangedInGitHubAfterPush { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>With -MaxAge: a value last changed before this time is due for rotation; null: rotation age not checked.</summary>
    public DateTimeOffset? AgeCutoff { get; init; }

    /// <summary>ESC secrets whose value is the same in the newest revision written before <see cref="AgeCutoff"/>, each with that revision's time.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> EscUnchangedSince { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Keys of the .env files read that python-dotenv and DotNetEnv read differently (DialectMismatch).</summary>
    public IReadOnlyList<DotEnvDialectDifference> DotEnvDialectDifferences { get; init; } = [];

    /// <summary>The references of the MCP configs read.</summary>
    public IReadOnlyList<McpNameReference> McpReferences { get; init; } = [];

    /// <summary>Names asked for without wildcards: reported even when found nowhere (NotFound, InvalidName).</summary>
    public IReadOnlyList<string> RequestedNames { get; init; } = [];

    /// <summary>Which names to report (the -Name wildcards); null reports all.</summary>
    public Func<string, bool>? NameFilter { get; init; }

    /// <summary>
    /// secretsync.json patterns: a .env key that is neither catalogued, nor elsewhere, nor referenced, counts only
    /// when it matches one (PORT and NODE_ENV are configuration, not secrets).
    /// </summary>
    public IReadOnlyList<string> Patterns { get; init; } = ProjectConfig.DefaultPatterns;
}
