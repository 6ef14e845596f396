using System.Security;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Records.Naming;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Collects secrets from the process environment, .env files, GitHub organisation secrets and Pulumi ESC.</para>
/// <para type="description">Get-SophiaSecret returns one SecretSync.SecretRecord per secret found: its name, source, exact origin (.env:12, env:NAME, github:org, esc:org/project/env@revision), the value as a SecureString, and a fingerprint that compares values within the session without revealing them. By default it reads the process environment (catalogued names and the patterns of secretsync.json) and the .env files of secretsync.json (else ./.env). From a .env file it takes the keys that are catalogued, follow the SERVICE_CREDENTIAL_TYPE convention or match the patterns; the rest (PORT, NODE_ENV, DEBUG) is configuration and is skipped quietly (-Verbose lists it) unless -Name names it. A key written without '=' is declared, not set: skipped, said with -Verbose. A name set both in the environment and in a .env file comes once, from the environment, as python-dotenv and DotNetEnv leave it; a warning names both origins when the values differ. A name a small edit away from a catalogued one gets a warning: did you mean LINEAR_API_KEY? GitHub records carry names, visibility and dates but no value: GitHub never returns one. Inside GitHub Actions every value read is masked with ::add-mask:: before anything is written. The records pipe into Sync-SophiaSecret, Set-SophiaSecret and Update-McpConfig.</para>
/// </summary>
/// <example>
/// <code>Get-SophiaSecret</code>
/// <para>Collects from the environment and the project's .env files and shows names, sources, origins and fingerprints.</para>
/// </example>
/// <example>
/// <code>Get-ChildItem *.env | Get-SophiaSecret -Source DotEnv -Name *_API_KEY</code>
/// <para>Reads the API keys of every .env file of the folder.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Path .env -Dialect DotNetEnv -AsPlainText | Select-Object Name, Origin, Value</code>
/// <para>Shows the values a .NET application gets when it loads .env with DotNetEnv (which expands $NAME and reads '#' after '=' as a comment, unlike python-dotenv).</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source GitHub -Organization ai-cherry | Sort-Object UpdatedAt | Select-Object Name, UpdatedAt, Visibility</code>
/// <para>Lists the organisation's Actions secrets, oldest update first.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Esc -Environment ai-cherry/sophia-production -IncludeNonSecret | Export-SophiaSecret -Format DockerEnv -Path ./prod.env</code>
/// <para>Writes every variable the environment exports, secret and plain, to an env file for docker run --env-file.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Esc -Environment ai-cherry/sophia-production -Name LINEAR_API_KEY -AsPlainText</code>
/// <para>Reads one secret from ESC in plain text (take care where the output goes).</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Name linear.linear_api_key, PORT -Verbose</code>
/// <para>Reads a secret by its ESC path and the configuration key PORT of .env, which is skipped unless named; -Verbose lists the other keys skipped.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "SophiaSecret", DefaultParameterSetName = PathSet)]
[OutputType(typeof(SecretRecord))]
public sealed class GetSophiaSecretCommand : SophiaCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<string> _paths = [];

    /// <summary>
    /// <para type="description">Names of the secrets to return: the variable name (LINEAR_API_KEY) or the ESC path (linear.linear_api_key). Wildcards are permitted. All when omitted. A name without wildcards that matches nothing is an ItemNotFound error (SecretSync.SecretNotFound); a .env key outside the catalog and the naming convention (PORT) is read only when -Name names it.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CatalogNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>
    /// <para type="description">Where to collect: Environment, DotEnv, GitHub, Esc. Default: Environment and DotEnv.</para>
    /// </summary>
    [Parameter]
    public SecretSource[]? Source { get; set; }

    /// <summary>
    /// <para type="description">.env files to read (implies the DotEnv source when -Source is not given). Wildcards are permitted; relative paths start at the current location.</para>
    /// </summary>
    [Parameter(ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>
    /// <para type="description">.env files to read, taken exactly as written: no character is a wildcard (a file named a[1].env). Binds PSPath from Get-ChildItem.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    /// <summary>
    /// <para type="description">Whose reading of the .env files: PythonDotenv (default; python-dotenv 1.2.2's dotenv_values, strict where it would skip a line) or DotNetEnv (DotNetEnv 3.0.0's own parser, as a .NET application loads the file: $NAME expanded from the process environment, A-style escapes, '#' after '=' starts a comment, and the whole file rejected where DotNetEnv rejects it). Compare-SophiaSecret reports keys the two read differently as DialectMismatch.</para>
    /// </summary>
    [Parameter]
    public DotEnvDialect Dialect { get; set; }

    /// <summary>
    /// <para type="description">The ESC environments: org/env or org/project/env references, or names of "environments" in secretsync.json (shared names the base). Each is opened once; every record's Origin names its environment. Default: escEnvironment of secretsync.json.</para>
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Environment { get; set; }

    /// <summary>
    /// <para type="description">The GitHub organisation. Default: githubOrganization of secretsync.json.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Organization { get; set; }

    /// <summary>
    /// <para type="description">Take every environment variable that follows the SERVICE_CREDENTIAL_TYPE convention, not only catalogued and pattern-matching ones.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>
    /// <para type="description">With -Source Esc: also return the environment variables ESC exports that are not secret (IsSecret = $false), for a complete runtime environment.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeNonSecret { get; set; }

    /// <summary>
    /// <para type="description">Return values as plain strings instead of SecureString.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>
    /// <para type="description">Pulumi access token. Default: the PULUMI_ACCESS_TOKEN environment variable.</para>
    /// </summary>
    [Parameter]
    public SecureString? EscToken { get; set; }

    /// <summary>
    /// <para type="description">GitHub token. Default: the GITHUB_TOKEN or GH_TOKEN environment variable.</para>
    /// </summary>
    [Parameter]
    public SecureString? GitHubToken { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        _paths.AddRange(Paths.Existing(LiteralPath ?? Path ?? [], literal: LiteralPath is not null, stopOnError: true));
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var names = WildcardFilter.Create(Name);
        var environments = EnvironmentOption.References(this, Environment, Context.Config);
        var options = new CollectOptions
        {
            Sources = Source ?? (_paths.Count > 0 ? [SecretSource.DotEnv] : null),
            DotEnvFiles = _paths.Count > 0 ? _paths : null,
            Environments = environments,
            Dialect = Dialect,
            Organization = Organization,
            All = All,
            IncludeNonSecret = IncludeNonSecret,
            NameFilter = names.MatchesEverything ? null : names.IsMatch,
            NamedExactly = Name?.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList() ?? [],
            EscToken = EscToken,
            GitHubToken = GitHubToken,
        };
        var records = CollectRecords(options, environments is null ? Organization : string.Join(", ", environments));
        foreach (var record in records)
        {
            WriteTyped(AsPlainText ? record.WithPlainTextValue() : record, "SecretSync.SecretRecord");
        }

        // Like Get-Item: a name without wildcards that matches nothing is an error; a wildcard that matches nothing is not.
        foreach (var missing in names.LiteralsNotMatched(records.SelectMany(r => r.EscPath is null ? [r.Name] : new[] { r.Name, r.EscPath })))
        {
            WriteError(NotFound(missing, options.Sources ?? SecretCollector.DefaultSources));
        }
    }

    private ErrorRecord NotFound(string name, IEnumerable<SecretSource> sources)
    {
        var meant = NameAdvice.LikelyTypoOf(name, Context.Catalog) is { } typo ? $" Did you mean {typo}?" : string.Empty;
        var message = $"No secret {name} in {string.Join(", ", sources)}.{meant} Check the name (Get-SophiaSecretCatalog lists the catalogued ones; an ESC path such as linear.linear_api_key works too), or read another source with -Source.";
        return ErrorRecords.SecretNotFound(new ItemNotFoundException(message), name);
    }
}
