using System.Security;
using SecretSync.Core;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Writing;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Writes secrets into a Pulumi ESC environment as one atomic, conflict-safe revision.</para>
/// <para type="description">Sync-SophiaSecret takes SecretSync.SecretRecord objects (or any objects with Name and Value) from the pipeline, or with no pipeline input collects like Get-SophiaSecret with the defaults of secretsync.json, and writes them all into the ESC environment in ONE revision: values.service.name_lower as fn::secret, and values.environmentVariables.NAME referencing it. It reads the definition once, compares with the evaluated values, and emits one SecretSync.SyncResult per secret (Added, Updated, Unchanged, Removed). Nothing to change means no write. The write carries the ETag it read: if someone changed the environment meanwhile, it reads, plans and writes again, so no concurrent change is lost. Comments, key order and everything the sync does not touch stay as they were. -Prune removes secrets SecretSync wrote earlier that are no longer in the input; keys it did not write are never touched. An empty value (a NAME= line copied from .env.template) is not set: it is reported, never written and never pruned, unless -AllowEmpty.</para>
/// </summary>
/// <example>
/// <code>Sync-SophiaSecret -WhatIf</code>
/// <para>Shows the plan for the environment and .env secrets of the project without writing anything.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source DotEnv | Sync-SophiaSecret -Environment ai-cherry/sophia-production</code>
/// <para>Writes the .env secrets into the environment as one revision.</para>
/// </example>
/// <example>
/// <code>Sync-SophiaSecret -Environment dev, staging, prod -ThrottleLimit 4</code>
/// <para>Syncs three environments of secretsync.json (and writes nothing to the shared base): one revision each, four at a time; the command fails at the end when any environment failed.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Environment | Sync-SophiaSecret -Prune -Force</code>
/// <para>In a GitHub Actions step: syncs the secrets passed as environment variables, creating the environment if needed and removing secrets SecretSync wrote before that are gone.</para>
/// </example>
[Cmdlet(VerbsData.Sync, "SophiaSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = RecordSet)]
[OutputType(typeof(SyncResult))]
public sealed class SyncSophiaSecretCommand : SophiaWriteCmdlet
{
    private const string RecordSet = "Record";
    private const string NameValueSet = "NameValue";
    private readonly List<SecretRecord> _records = [];

    /// <summary>
    /// <para type="description">Records to sync, piped (usually from Get-SophiaSecret) or as an array by name.</para>
    /// </summary>
    [Parameter(ParameterSetName = RecordSet, ValueFromPipeline = true)]
    public SecretRecord?[]? InputObject { get; set; }

    /// <summary>
    /// <para type="description">Name of a secret to sync, bound by property name from any object that also has Value.</para>
    /// </summary>
    [Parameter(ParameterSetName = NameValueSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>
    /// <para type="description">Value of the secret named by -Name: a SecureString or a string.</para>
    /// </summary>
    [Parameter(ParameterSetName = NameValueSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public object? Value { get; set; }

    /// <summary>
    /// <para type="description">The ESC environments: org/env or org/project/env references, or names of "environments" in secretsync.json (shared names the base environment). Several are synced in parallel, one revision each. Default: every environment of secretsync.json with its shared base, else escEnvironment.</para>
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Environment { get; set; }

    /// <summary>
    /// <para type="description">How many environments are read and written at the same time in a multi-environment sync (default 10).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 10;

    /// <summary>
    /// <para type="description">Remove secrets that SecretSync wrote earlier and that are not in this input. Keys SecretSync did not write are never removed.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <summary>
    /// <para type="description">Create a missing environment without asking (required in CI), and skip the confirmation.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Write empty values too. Without it an empty value (a NAME= line copied from .env.template) is not set: it is reported as missing, and ESC keeps what it holds (-Prune spares it).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AllowEmpty { get; set; }

    /// <summary>
    /// <para type="description">Pulumi access token. Default: the PULUMI_ACCESS_TOKEN environment variable.</para>
    /// </summary>
    [Parameter]
    public SecureString? EscToken { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _records.AddRange(InputObject.OfType<SecretRecord>());
        }
        else if (ParameterSetName == NameValueSet && Name is not null)
        {
            if (RecordFromPipeline(Name, Value) is { } record)
            {
                _records.Add(record);
            }
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var targets = EnvironmentOption.Targets(this, Environment, Context.Config);
        var environment = targets.Count == 0 ? EnvironmentOption.Parse(this, Environment?.FirstOrDefault()) : null;
        try
        {
            // Only a call with neither pipeline input nor -Name/-Value collects the defaults: -Name X -Value v syncs X alone.
            var records = InputGiven || ParameterSetName == NameValueSet ? _records : CollectRecords(new CollectOptions());
            if (targets.Count > 0)
            {
                new MultiEnvironmentSyncFlow(this, Prune, Force, AllowEmpty, ThrottleLimit, EscToken).Sync(targets, records);
                return;
            }

            var input = SyncInput.From(records, Context.Catalog, AllowEmpty);
            SyncInputWarnings.Report(this, input);
            if (input.WriteCount == 0 && !Prune)
            {
                WriteVerbose("Nothing to sync: no record with a value and a valid name.");
                return;
            }

            if (input.WriteCount == 0 && !Force)
            {
                // An empty input usually means the secrets never reached this step (e.g. a workflow without its env).
                ThrowTerminatingError(ErrorRecords.PruneEverything(
                    new InvalidOperationException("-Prune with no secrets to keep would remove every secret SecretSync wrote. Pass -Force if that is what you want."),
                    Environment));
            }

            environment ??= SecretCollector.DefaultEnvironment(Context.Config);
            var writer = new EscWriter(this, EscToken);
            PlanAndApply(Plan(writer.Plan(environment, input, Prune)), plan => Apply(writer, plan, input), (plan, outcome, applied) => Report(plan, outcome, applied, input));
        }
        catch (SecretSyncException e)
        {
            Fail(e, environment?.ToString());
        }
    }

    // Nothing to change in an existing environment is up to date; a missing one is created, even for no secrets.
    private static WritePlan<EscSyncState> Plan(EscSyncState state)
    {
        var counts = string.Join(", ", state.Plan.Secrets.GroupBy(s => s.Action).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var changed = state.Plan.Secrets.Where(s => s.Action != EscSyncAction.Unchanged).Select(s => s.Name);
        var detail = (counts.Length == 0 ? "no secrets" : counts) + (state.Exists ? ", in one revision" : ", creating the environment, in one revision");
        return new WritePlan<EscSyncState>(state, state.Environment.ToString(), "Sync", changed, $"to {state.Environment}", !state.Exists || state.Plan.HasChanges, detail);
    }

    /// <summary>Writes the plan, creating a missing environment once confirmed. Null when the user declined the creation.</summary>
    private (EscSyncState State, long Revision)? Apply(EscWriter writer, WritePlan<EscSyncState> plan, SyncInput input)
    {
        var state = plan.Content;
        if (!state.Exists && !Force)
        {
            if (ContinuousIntegration.IsActive)
            {
                ThrowTerminatingError(ErrorRecords.EnvironmentNotFound(
                    new InvalidOperationException($"ESC environment {state.Environment} does not exist. In CI SecretSync creates it only with -Force: add -Force to the Sync-SophiaSecret step, or create it with 'esc env init {state.Environment}'."),
                    state.Environment.ToString()));
            }

            if (!ShouldContinue($"ESC environment {state.Environment} does not exist. Create it?", "Create ESC environment"))
            {
                return null;
            }
        }

        return writer.Apply(state, input, Prune);
    }

    // -WhatIf and an up-to-date environment report the plan; a declined -Confirm reports nothing.
    private void Report(WritePlan<EscSyncState> plan, PlanOutcome outcome, (EscSyncState State, long Revision)? applied, SyncInput input)
    {
        var (state, revision) = outcome switch
        {
            PlanOutcome.Applied when applied is { } written => written,
            PlanOutcome.UpToDate or PlanOutcome.WhatIf => (plan.Content, plan.Content.Revision),
            _ => default,
        };
        if (state is null)
        {
            return;
        }

        foreach (var secret in state.Plan.Secrets)
        {
            input.RecordsByName.TryGetValue(secret.Name, out var record);
            WriteTyped(new SyncResult(secret.Name, secret.Path.ToString(), secret.Action.ToString(), state.Environment.ToString(), revision, record), "SecretSync.SyncResult");
        }
    }
}
