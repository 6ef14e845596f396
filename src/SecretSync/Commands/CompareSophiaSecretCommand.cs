using System.Security;
using SecretSync.Core;
using SecretSync.Core.Checks.Drift;
using SecretSync.Core.Records.Secrets;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Compares each secret across the catalog, the environment, .env files, GitHub, Pulumi ESC and MCP configs, and says what to run next.</para>
/// <para type="description">Compare-SophiaSecret returns one SecretSync.DriftRecord per secret name: where it is (InCatalog, InEnvironment, InDotEnv, InGitHub, InEsc, ReferencedBy), whether the readable values agree (by fingerprint; GitHub returns no values), a Status and a Hint with the concrete next command. Statuses, most severe first: MissingRequired (a required catalogued secret set nowhere), InvalidName (breaks SERVICE_CREDENTIAL_TYPE), LikelyTypo (not catalogued, a small edit from a catalogued name: did you mean it?), UnresolvedReference (an MCP config references a name ESC lacks, or, without ESC, that the client cannot resolve: Claude Code, Cursor, VS Code and Windsurf read their own environment, not .env), MissingInEsc (set locally or in GitHub, not in ESC), Stale (GitHub updated after the current ESC revision was written), DialectMismatch (a .env file that python-dotenv and DotNetEnv 3.0.0 read differently for the key: another value, a key only one sets, or a file DotNetEnv rejects; see Get-SophiaSecret -Dialect), ValueMismatch, MissingLocally (in ESC, not in the environment or the .env files read), RotationDue (with -MaxAge: last changed before the cut-off), NotFound (asked for by name, found nowhere), NotInCatalog, InSync. GitHub is compared when an organisation is known and ESC when an environment is known; a missing token skips that service with a warning. Drift is data, not an error: only real failures (a malformed secretsync.json or .env, an unreachable service) are errors. No value or fingerprint is ever written.</para>
/// </summary>
/// <example>
/// <code>Compare-SophiaSecret | Where-Object Status -ne InSync</code>
/// <para>Shows what needs attention, with the command to run for each.</para>
/// </example>
/// <example>
/// <code>if (Compare-SophiaSecret | Where-Object Status -ne 'InSync') { exit 1 }</code>
/// <para>Fails a CI step when anything drifted.</para>
/// </example>
/// <example>
/// <code>Compare-SophiaSecret -AsMarkdown | Out-File -Append $env:GITHUB_STEP_SUMMARY</code>
/// <para>Adds a table of the drift to the GitHub Actions job summary.</para>
/// </example>
/// <example>
/// <code>Compare-SophiaSecret -AsMarkdown -Status MissingRequired, InvalidName, LikelyTypo, UnresolvedReference, MissingInEsc, Stale, ValueMismatch | Out-File -Append $env:GITHUB_STEP_SUMMARY</code>
/// <para>Lists only the problems in the job summary; the counts line still covers every secret compared.</para>
/// </example>
/// <example>
/// <code>Compare-SophiaSecret -Environment dev, staging, prod | Format-Table</code>
/// <para>One row per secret, one column per environment: the same letter means the same value, "(shared)" that it arrives through the import of the shared base, "missing" where it should be and is not, "(stale)" where its GitHub source changed since.</para>
/// </example>
/// <example>
/// <code>Compare-SophiaSecret -MaxAge 90 -Status RotationDue</code>
/// <para>Lists the secrets not rotated for 90 days, each with the command that rotates it.</para>
/// </example>
/// <example>
/// <code>Compare-SophiaSecret LINEAR_API_KEY -McpConfig .cursor/mcp.json | Format-List</code>
/// <para>Troubleshoots one secret an MCP server cannot find.</para>
/// </example>
[Cmdlet(VerbsData.Compare, "SophiaSecret", DefaultParameterSetName = PathSet)]
[OutputType(typeof(DriftRecord))]
[OutputType(typeof(string))]
[OutputType(typeof(PSObject))]
public sealed class CompareSophiaSecretCommand : SophiaCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>
    /// <para type="description">Names to compare. Wildcards are permitted. A name without wildcards is reported even when found nowhere. All when omitted.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CatalogNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>
    /// <para type="description">The ESC environments: org/env or org/project/env references, or names of "environments" in secretsync.json (shared names the base). One is compared with the local sources; several give one row per secret and one column per environment (what is missing where, which agree, which are stale). Default: every environment of secretsync.json, else escEnvironment; without either, ESC is not compared.</para>
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Environment { get; set; }

    /// <summary>
    /// <para type="description">The GitHub organisation. Default: githubOrganization of secretsync.json; without either, GitHub is not compared.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Organization { get; set; }

    /// <summary>
    /// <para type="description">.env files to compare. Default: envFiles of secretsync.json, else ./.env when it exists.</para>
    /// </summary>
    [Parameter(ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>
    /// <para type="description">.env files to compare, taken exactly as written: no character is a wildcard (a file named a[1].env).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    /// <summary>
    /// <para type="description">MCP config files whose ${NAME} references are checked. Wildcards are permitted. Default: mcpConfigs of secretsync.json that exist.</para>
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? McpConfig { get; set; }

    /// <summary>
    /// <para type="description">Emit a GitHub-flavoured Markdown table (a line of counts, then Name | Status | Where | Hint) as strings, for $GITHUB_STEP_SUMMARY.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AsMarkdown { get; set; }

    /// <summary>
    /// <para type="description">Report only records with one of these statuses, as Status or among Issues (e.g. the problems only, for a CI step summary; RotationDue with -MaxAge). With -AsMarkdown the counts line still covers every secret compared.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public DriftStatus[]? Status { get; set; }

    /// <summary>
    /// <para type="description">Report secrets whose value was last changed longer ago than this as RotationDue, with the rotation command: a TimeSpan, or a number of days (90). GitHub is judged by updated_at; ESC by the newest revision written before the cut-off (one revision listing and one open, whatever the number of secrets): a value the same there as now was last changed before the cut-off.</para>
    /// </summary>
    [Parameter]
    [DaysOrTimeSpan]
    [ValidateNotNull]
    [ValidatePositiveTimeSpan]
    public TimeSpan? MaxAge { get; set; }

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
    protected override void EndProcessing()
    {
        var names = WildcardFilter.Create(Name);
        var targets = EnvironmentOption.Targets(this, Environment, Context.Config);
        var options = new DriftCollectOptions
        {
            DotEnvFiles = Resolve(LiteralPath ?? Path, literal: LiteralPath is not null),
            McpConfigs = Resolve(McpConfig, literal: false),
            Environment = targets.Count == 1 ? targets[0].Esc : targets.Count == 0 ? EnvironmentOption.Parse(this, Environment?.FirstOrDefault()) : null,
            Organization = Organization,
            NameFilter = names.MatchesEverything ? null : names.IsMatch,
            RequestedNames = (Name ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList(),
            EscToken = EscToken,
            GitHubToken = GitHubToken,
            AgeCutoff = MaxAge is { } maxAge ? DateTimeOffset.UtcNow - maxAge : null,
        };
        IReadOnlyList<DriftRecord> records;
        try
        {
            if (targets.Count > 1)
            {
                if (Status is not null || MaxAge is not null)
                {
                    WriteWarning("-Status and -MaxAge apply to one environment compared with the local sources; across environments every row is shown with its Missing, Stale, Differs or Same.");
                }

                CrossEnvironmentCompare.Write(this, targets, options, AsMarkdown);
                return;
            }

            // Context and the location are read here: the work below runs off the pipeline thread.
            var (context, environment, directory) = (Context, ProcessEnvironment.Snapshot(), CurrentDirectory);
            var input = Run((reporter, token) => new DriftCollector(context.Catalog, context.Config, environment, GitHubActionsMasker.ForCurrentProcess(), reporter).CollectAsync(options, directory, token));
            records = DriftAnalyzer.Analyze(input);
        }
        catch (SecretSyncException e)
        {
            Fail(e, (e as FileException)?.FilePath ?? options.Environment?.ToString() ?? Organization);
            return;
        }

        if (AsMarkdown)
        {
            WriteObject(DriftMarkdown.Format(records, Status), enumerateCollection: true);
            return;
        }

        foreach (var record in records.Where(r => Status is null || r.Has(Status)))
        {
            WriteTyped(record, "SecretSync.DriftRecord");
        }
    }

    private List<string>? Resolve(string[]? paths, bool literal) =>
        paths is null ? null : Paths.Existing(paths, literal, stopOnError: true);
}
