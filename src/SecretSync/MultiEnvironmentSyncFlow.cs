using System.Security;
using SecretSync.Commands;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Records.Configuration;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Stores.Esc;
using SecretSync.Writing;

namespace SecretSync;

/// <summary>
/// Sync-SophiaSecret to several environments: plan all (parallel, off the pipeline thread), ask -WhatIf/-Confirm per
/// environment here, write the approved ones (the shared base first), then one SyncResult per environment and
/// secret. A failed environment is a non-terminating error of its own and its secrets are reported Failed; the
/// others are written and reported all the same, and the command ends with a terminating error naming the failed
/// ones, so a CI step fails.
/// </summary>
internal sealed class MultiEnvironmentSyncFlow
{
    private readonly SyncSophiaSecretCommand _cmdlet;
    private readonly bool _prune;
    private readonly bool _force;
    private readonly bool _allowEmpty;
    private readonly int _throttleLimit;
    private readonly SecureString? _escToken;

    public MultiEnvironmentSyncFlow(SyncSophiaSecretCommand cmdlet, bool prune, bool force, bool allowEmpty, int throttleLimit, SecureString? escToken)
    {
        (_cmdlet, _prune, _force, _allowEmpty, _throttleLimit, _escToken) = (cmdlet, prune, force, allowEmpty, throttleLimit, escToken);
    }

    public void Sync(IReadOnlyList<EnvironmentTarget> targets, IReadOnlyList<SecretRecord> records)
    {
        var context = _cmdlet.Context;
        var (inputs, unreceived, sourceNamed) = MultiEnvironmentInput.Build(context.Config, targets, records, context.Catalog, _allowEmpty);
        SyncInputWarnings.Report(_cmdlet, SyncInput.From(records.Where(r => !sourceNamed.Contains(r.Name)), context.Catalog, _allowEmpty));
        if (unreceived.Count > 0)
        {
            _cmdlet.WriteWarning($"No environment receives {string.Join(", ", unreceived)}: environments of secretsync.json receive catalogued names only. Add them to \"secrets\" of secretsync.json.");
        }

        if (inputs.All(i => i.Input.WriteCount == 0) && (!_prune || !_force))
        {
            if (_prune)
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.PruneEverything(
                    new InvalidOperationException("-Prune with no secrets to keep would remove every secret SecretSync wrote in every environment. Pass -Force if that is what you want."), string.Join(", ", targets.Select(t => t.Name))));
            }

            _cmdlet.WriteVerbose("Nothing to sync: no record with a value for any of the environments.");
            return;
        }

        var endpoint = _cmdlet.Services.EscEndpoint(_escToken);
        var runs = _cmdlet.Run((reporter, token) => new MultiEnvironmentSync(endpoint, reporter, _throttleLimit).PlanAsync(inputs, _prune, token));
        var failures = new Dictionary<EnvironmentSyncRun, ErrorRecord>();
        var reported = runs.Where(run => run.Error is not null || Approve(run, failures)).ToList();
        _cmdlet.Run(async (reporter, token) =>
        {
            await new MultiEnvironmentSync(endpoint, reporter, _throttleLimit).ApplyAsync(runs, _prune, token).ConfigureAwait(false);
            return true;
        });

        foreach (var run in reported)
        {
            Write(run, failures);
        }

        var failed = reported.Where(r => r.Error is not null || failures.ContainsKey(r)).Select(r => r.Input.Target.Name).ToList();
        if (failed.Count > 0)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.EnvironmentSyncFailed(
                new InvalidOperationException($"{failed.Count} of {runs.Count} environments failed: {string.Join(", ", failed)}. The others were synced (see their results); fix the errors above and run the sync again."), string.Join(", ", failed)));
        }
    }

    /// <summary>-WhatIf/-Confirm and creation for one planned environment. True when its results are to be reported.</summary>
    private bool Approve(EnvironmentSyncRun run, Dictionary<EnvironmentSyncRun, ErrorRecord> failures)
    {
        var state = run.State!;
        var counts = string.Join(", ", state.Plan.Secrets.GroupBy(s => s.Action).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var import = run.Input.Import is { } name && !(state.Definition is { } d && EscImportsEditor.Imports(d.Yaml, name)) ? $", importing {name}" : string.Empty;
        var detail = (counts.Length == 0 ? "no secrets" : counts) + import + (state.Exists ? ", in one revision" : ", creating the environment, in one revision");
        var changed = state.Plan.Secrets.Where(s => s.Action != EscSyncAction.Unchanged).Select(s => s.Name);
        var plan = new WritePlan(state.Environment.ToString(), "Sync", changed, $"to {state.Environment} ({run.Input.Target.Name})", !state.Exists || state.Plan.HasChanges, detail);
        switch (_cmdlet.Approve(plan))
        {
            case PlanOutcome.UpToDate:
                run.Approved = true;
                return true;
            case PlanOutcome.WhatIf:
                return true;
            case PlanOutcome.Declined:
                return false;
        }

        if (!state.Exists && !_force)
        {
            if (ContinuousIntegration.IsActive)
            {
                failures[run] = ErrorRecords.EnvironmentNotFound(
                    new InvalidOperationException($"ESC environment {state.Environment} ({run.Input.Target.Name}) does not exist. In CI SecretSync creates it only with -Force: add -Force to the Sync-SophiaSecret step, or create it with 'esc env init {state.Environment}'."), state.Environment.ToString());
                return true;
            }

            if (!_cmdlet.ShouldContinue($"ESC environment {state.Environment} ({run.Input.Target.Name}) does not exist. Create it?", "Create ESC environment"))
            {
                return false;
            }
        }

        run.Approved = true;
        run.CreateAllowed = true;
        return true;
    }

    private void Write(EnvironmentSyncRun run, Dictionary<EnvironmentSyncRun, ErrorRecord> failures)
    {
        var target = run.Input.Target;
        var error = run.Error is { } e ? ErrorRecords.From(e, target.Esc.ToString()) : failures.TryGetValue(run, out var failure) ? failure : null;
        if (error is not null)
        {
            _cmdlet.WriteError(error);
            foreach (var desired in run.Input.Input.Desired.Where(d => !d.KeepsCurrent))
            {
                Emit(run, desired.Name, desired.Path.ToString(), "Failed", 0);
            }

            return;
        }

        foreach (var secret in run.State!.Plan.Secrets)
        {
            Emit(run, secret.Name, secret.Path.ToString(), secret.Action.ToString(), run.Revision);
        }
    }

    private void Emit(EnvironmentSyncRun run, string name, string path, string action, long revision)
    {
        run.Input.Input.RecordsByName.TryGetValue(name, out var record);
        run.Input.SourceNames.TryGetValue(name, out var sourceName);
        var result = new SyncResult(name, path, action, run.Input.Target.Esc.ToString(), revision, record)
        {
            Target = run.Input.Target.Name,
            SourceName = sourceName,
        };
        _cmdlet.WriteTyped(result, "SecretSync.SyncResult");
    }
}
