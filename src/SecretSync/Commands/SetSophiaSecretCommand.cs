using System.Security;
using SecretSync.Core;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Plumbing.Credentials;
using SecretSync.Core.Records.Configuration;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Stores.GitHub.Api;
using SecretSync.Writing;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Sets or rotates secrets in Pulumi ESC and/or GitHub organisation secrets.</para>
/// <para type="description">Set-SophiaSecret writes one secret (-Name, with -Value or a masked prompt) or every SecretSync.SecretRecord from the pipeline. -Target Esc writes them all into the ESC environment as one revision, like Sync-SophiaSecret. -Target GitHubOrg seals each value for the organisation's public key (fetched once) and writes it as an Actions secret under its GitHub name (the catalog alias where GitHub refuses the name); a new secret is private (as with gh and the GitHub UI) unless -Visibility or -Repository say otherwise, and an update keeps the secret's visibility and all of its selected repositories (read page by page) unless they say otherwise. GitHub never returns values, so SecretSync keeps a ledger of its pushes in the ESC environment: when and, for a value ESC holds, from which ESC path and revision. A push of ESC's own, unchanged value is skipped (Unchanged); any other value is pushed every time, since the ledger keeps nothing from which it could be guessed; a secret changed in GitHub since is reported. If the ledger cannot record pushes that GitHub took, the results say Recorded = False and one SecretSync.PushNotRecorded error names them; the next run pushes them again. An empty value is not set and is not written, unless -AllowEmpty. Many secrets are written with bounded concurrency, paced inside GitHub's limits for content-creating requests, with a progress bar; one failed secret is an error and the others go on.</para>
/// </summary>
/// <example>
/// <code>Set-SophiaSecret -Name LINEAR_API_KEY -Target Esc, GitHubOrg</code>
/// <para>Prompts for the new value (masked) and writes it to ESC and to the organisation.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Esc -Name SLACK_* | Set-SophiaSecret -Target GitHubOrg</code>
/// <para>Rotation: pushes the Slack secrets of the ESC environment to GitHub, skipping those GitHub already has.</para>
/// </example>
/// <example>
/// <code>Set-SophiaSecret -Name DEPLOY_TOKEN -Value (Read-Host -AsSecureString) -Target GitHubOrg -Repository api, web</code>
/// <para>Shares a secret with two repositories of the organisation only.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "SophiaSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
[OutputType(typeof(SetResult))]
public sealed class SetSophiaSecretCommand : SophiaWriteCmdlet
{
    private const string NameSet = "Name";
    private const string RecordSet = "Record";
    private readonly List<SecretRecord> _records = [];

    /// <summary>
    /// <para type="description">Name of the secret to set (the catalog name; the GitHub alias is used in GitHub).</para>
    /// </summary>
    [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(CatalogNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>
    /// <para type="description">The new value. Without it Set-SophiaSecret prompts for it, masked (interactive sessions only).</para>
    /// </summary>
    [Parameter(ParameterSetName = NameSet)]
    public SecureString? Value { get; set; }

    /// <summary>
    /// <para type="description">Records to write, piped (usually from Get-SophiaSecret) or as an array by name. Records without a value are skipped with a warning.</para>
    /// </summary>
    [Parameter(ParameterSetName = RecordSet, Mandatory = true, ValueFromPipeline = true)]
    public SecretRecord?[]? InputObject { get; set; }

    /// <summary>
    /// <para type="description">Where to write: Esc, GitHubOrg, or both.</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    public SecretTarget[] Target { get; set; } = [];

    /// <summary>
    /// <para type="description">The ESC environment (written with -Target Esc; holds the push ledger with -Target GitHubOrg). Default: escEnvironment of secretsync.json.</para>
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Environment { get; set; }

    /// <summary>
    /// <para type="description">The GitHub organisation. Default: githubOrganization of secretsync.json.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Organization { get; set; }

    /// <summary>
    /// <para type="description">Which repositories of the organisation may use the GitHub secret: all, private (private and internal repositories) or selected (those of -Repository). Default: unchanged for an existing secret; private for a new one, or selected when -Repository is given.</para>
    /// </summary>
    [Parameter]
    [ValidateSet("all", "private", "selected")]
    public string? Visibility { get; set; }

    /// <summary>
    /// <para type="description">Repositories (name, or owner/name) the secret is shared with; implies -Visibility selected and replaces the list. Default: unchanged for an existing secret.</para>
    /// </summary>
    [Parameter]
    [Alias("SelectedRepository")]
    [ValidateNotNullOrEmpty]
    public string[]? Repository { get; set; }

    /// <summary>
    /// <para type="description">Write empty values too. Without it an empty value (a NAME= line copied from .env.template, an empty -Value) is not set: it is reported as missing and nothing is written for it.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AllowEmpty { get; set; }

    /// <summary>
    /// <para type="description">How many GitHub writes run at once (default 4). Pacing within GitHub's limits applies whatever the value.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 4;

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
        if (InputObject is not null)
        {
            _records.AddRange(InputObject.OfType<SecretRecord>());
        }
        else if (Name is not null)
        {
            WarnIfLikelyTypo(Name);
            _records.Add(new SecretRecord(Name, SecretSource.Environment, "parameter", Value ?? SecretValuePrompt.Read(this, Name)));
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (Repository is not null && Visibility is not null && !string.Equals(Visibility, "selected", StringComparison.OrdinalIgnoreCase))
        {
            ThrowTerminatingError(ErrorRecords.InvalidVisibility(new ArgumentException($"-Repository shares a secret with chosen repositories, which is -Visibility selected, not {Visibility}: drop one of the two."), Visibility));
        }

        var withValues = _records.Where(r => r.HasValue && (AllowEmpty || !r.IsEmpty)).ToList();
        var withoutValue = _records.Where(r => !r.HasValue).Select(r => r.Name).ToList();
        if (withoutValue.Count > 0)
        {
            WriteWarning($"Skipped {withoutValue.Count} record(s) without a value: {string.Join(", ", withoutValue)}.");
        }

        var empty = _records.Where(r => r.IsEmpty && !AllowEmpty).Select(r => r.Name).Distinct().Where(n => !withValues.Any(r => r.Name == n)).ToList();
        if (empty.Count > 0)
        {
            WriteWarning(EmptyValues.Message(empty));
        }

        try
        {
            if (Target.Contains(SecretTarget.Esc))
            {
                SetInEsc(withValues);
            }

            if (Target.Contains(SecretTarget.GitHubOrg))
            {
                SetInGitHub(withValues);
            }
        }
        catch (SecretSyncException e)
        {
            Fail(e, Environment ?? Organization);
        }
    }

    private EnvironmentRef? TargetEnvironment() =>
        EnvironmentOption.Parse(this, Environment ?? Context.Config.EscEnvironment);

    private void SetInEsc(List<SecretRecord> records)
    {
        var environment = TargetEnvironment() ?? throw new SecretSyncException("-Target Esc needs an environment: pass -Environment org/[project/]env or set \"escEnvironment\" in secretsync.json.");
        var input = SyncInput.From(records, Context.Catalog);
        WriteInvalidNames(input);

        // The same plan and apply as Sync-SophiaSecret, without -Prune, into an environment that must exist.
        var writer = new EscWriter(this, EscToken);
        var state = writer.Plan(environment, input, prune: false);
        if (!state.Exists)
        {
            throw new Core.Plumbing.Http.ServiceNotFoundException(writer.Endpoint.ServiceName, writer.Endpoint.Host, $"ESC environment {environment} does not exist: create it with 'Sync-SophiaSecret -Environment {environment} -Force' or 'esc env init {environment}'.");
        }

        var plan = new WritePlan<EscSyncState>(state, environment.ToString(), "Set", records.Select(r => r.Name), $"in {environment}", state.Plan.HasChanges);
        PlanAndApply(
            plan,
            p => writer.Apply(p.Content, input, prune: false).State,
            (p, outcome, written) =>
            {
                foreach (var secret in (written ?? p.Content).Plan.Secrets)
                {
                    WriteTyped(SetResult.FromEsc(secret, environment.ToString(), outcome == PlanOutcome.Applied), "SecretSync.SetResult");
                }
            });
    }

    private void SetInGitHub(List<SecretRecord> records)
    {
        var organization = Organization ?? Context.Config.GitHubOrganization
            ?? throw new SecretSyncException("-Target GitHubOrg needs an organisation: pass -Organization or set \"githubOrganization\" in secretsync.json.");
        var visibility = Repository is not null ? "selected" : Visibility;
        var requests = new List<GitHubPushRequest>();
        foreach (var record in records.GroupBy(r => r.Name).Select(g => g.Last()))
        {
            try
            {
                requests.Add(GitHubPushRequest.Create(record.Name, Context.Catalog.Find(record.Name)?.GitHubName ?? record.Name, record.RevealValue()!, visibility, Repository, record.EscPath ?? Context.Catalog.EscPathOf(record.Name)));
            }
            catch (InvalidGitHubSecretException e)
            {
                WriteError(ErrorRecords.From(e, record.Name));
            }
        }

        // GitHub answers what each push would do only when asked: -WhatIf and a declined -Confirm ask it (writing nothing).
        var plan = new WritePlan<List<GitHubPushRequest>>(requests, organization, "Set", requests.Select(r => r.Name), $"in GitHub organisation {organization}", requests.Count > 0);
        PlanAndApply(plan, p => Push(organization, p.Content, whatIf: false), (p, outcome, outcomes) =>
        {
            if (outcome != PlanOutcome.UpToDate)
            {
                Report(organization, outcomes ?? Push(organization, p.Content, whatIf: true));
            }
        });
    }

    private List<GitHubPushOutcome> Push(string organization, List<GitHubPushRequest> requests, bool whatIf)
    {
        var gitHub = Services.GitHubEndpoint(GitHubToken);
        var pacer = new GitHubWritePacer(Context.Config.GitHubWritesPerMinute, Context.Config.GitHubWritesPerHour);
        var ledgerEnvironment = TargetEnvironment();
        var esc = ledgerEnvironment is null ? null : LedgerEndpoint();
        return Run((reporter, token) => ServiceClients.GitHubPush(gitHub, esc, ledgerEnvironment, pacer, ThrottleLimit, reporter).PushAsync(organization, requests, whatIf, token));
    }

    private void Report(string organization, List<GitHubPushOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Error is { } error)
            {
                WriteError(ErrorRecords.From(error, outcome.Request.Name));
                continue;
            }

            WriteTyped(new SetResult(outcome.Request.Name, nameof(SecretTarget.GitHubOrg), organization, outcome.Action, outcome.UpdatedAt) { Recorded = outcome.Recorded }, "SecretSync.SetResult");
        }

        // Once for the call: the pushes stand, only their record is missing (each result says Recorded = False).
        if (outcomes.Select(o => o.NotRecordedBecause).FirstOrDefault(e => e is not null) is { } notRecorded)
        {
            WriteError(ErrorRecords.From(notRecorded, organization));
        }
    }

    // The push ledger only saves writes: without an ESC token, push everything rather than fail a GitHub-only call.
    private ServiceEndpoint? LedgerEndpoint()
    {
        try
        {
            return Services.EscEndpoint(EscToken);
        }
        catch (MissingCredentialException)
        {
            WriteWarning("No PULUMI_ACCESS_TOKEN: SecretSync cannot read or record what it pushed to GitHub, so every secret is written.");
            return null;
        }
    }
}
