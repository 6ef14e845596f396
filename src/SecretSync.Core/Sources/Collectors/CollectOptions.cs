using System.Security;
using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>What to collect. Unset members take the defaults of secretsync.json.</summary>
public sealed class CollectOptions
{
    /// <summary>Sources to read; null means Environment and DotEnv.</summary>
    public IReadOnlyCollection<SecretSource>? Sources { get; init; }

    /// <summary>.env files; null means secretsync.json envFiles, else ./.env when it exists.</summary>
    public IReadOnlyList<string>? DotEnvFiles { get; init; }

    /// <summary>Whose reading of the .env files: python-dotenv's (the default) or DotNetEnv's, as a .NET app loads them.</summary>
    public DotEnvDialect Dialect { get; init; }

    /// <summary>The ESC environment; null means secretsync.json escEnvironment.</summary>
    public EnvironmentRef? Environment { get; init; }

    /// <summary>Several ESC environments, each opened once (each record's Origin names its own); overrides <see cref="Environment"/>.</summary>
    public IReadOnlyList<EnvironmentRef>? Environments { get; init; }

    /// <summary>The GitHub organisation; null means secretsync.json githubOrganization.</summary>
    public string? Organization { get; init; }

    /// <summary>Take every environment variable that follows the naming convention.</summary>
    public bool All { get; init; }

    /// <summary>
    /// Which names to keep (the -Name wildcards), matched against each record's name and its ESC path
    /// (linear.linear_api_key); null keeps all. A .env key outside the catalog and the convention is read only when
    /// this is given and matches it.
    /// </summary>
    public Func<string, bool>? NameFilter { get; init; }

    /// <summary>Names given exactly (no wildcard): a credential in use is collected from the environment only when named so (see <see cref="CredentialsInUse"/>).</summary>
    public IReadOnlyCollection<string> NamedExactly { get; init; } = [];

    /// <summary>Collect the credentials in use from the environment as well (a comparison, which ships nothing).</summary>
    public bool IncludeCredentialsInUse { get; init; }

    /// <summary>
    /// Keep the .env records of names the process environment also sets. By default the environment wins and only
    /// its record is returned; Compare-SophiaSecret and the leak scan need every source's value.
    /// </summary>
    public bool KeepShadowed { get; init; }

    /// <summary>Warn about names that look like typos of catalogued ones (Compare reports them as LikelyTypo instead).</summary>
    public bool AdviseOnNames { get; init; } = true;

    /// <summary>From ESC, also the environment variables not marked secret (records with IsSecret false).</summary>
    public bool IncludeNonSecret { get; init; }

    /// <summary>Token for ESC instead of PULUMI_ACCESS_TOKEN.</summary>
    public SecureString? EscToken { get; init; }

    /// <summary>Token for GitHub instead of GITHUB_TOKEN.</summary>
    public SecureString? GitHubToken { get; init; }
}
