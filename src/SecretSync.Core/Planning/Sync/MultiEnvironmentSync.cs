using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>
/// Syncs several ESC environments, each as ONE revision (GET, yaml/check, PATCH: three requests when it exists),
/// at most <c>throttleLimit</c> at a time. Planning reads them all in parallel; writing does the shared base first,
/// so an environment that imports it opens the new shared values, then the others in parallel. A failing
/// environment is recorded on its run and neither stops nor hides the others.
/// </summary>
public sealed class MultiEnvironmentSync
{
    private readonly ServiceEndpoint _endpoint;
    private readonly ISyncReporter _reporter;
    private readonly int _throttleLimit;

    public MultiEnvironmentSync(ServiceEndpoint endpoint, ISyncReporter reporter, int throttleLimit)
    {
        _endpoint = endpoint;
        _reporter = reporter;
        _throttleLimit = throttleLimit > 0 ? throttleLimit : throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit must be at least 1.");
    }

    /// <summary>Reads and plans every input (no writes). A failure is recorded on its run.</summary>
    public async Task<IReadOnlyList<EnvironmentSyncRun>> PlanAsync(IReadOnlyList<EnvironmentSyncInput> inputs, bool prune, CancellationToken cancellationToken)
    {
        var runs = inputs.Select(i => new EnvironmentSyncRun(i)).ToList();
        await ForEachAsync(runs, async (run, token) =>
        {
            run.State = await Service(run).PlanAsync(run.Input.Target.Esc, run.Input.Input.Desired, prune, token).ConfigureAwait(false);
            run.Revision = run.State.Revision;
        }, cancellationToken).ConfigureAwait(false);
        return runs;
    }

    /// <summary>Writes the approved runs: the shared base first, then the rest in parallel.</summary>
    public async Task ApplyAsync(IReadOnlyList<EnvironmentSyncRun> runs, bool prune, CancellationToken cancellationToken)
    {
        var approved = runs.Where(r => r.Approved && r.State is not null && r.Error is null).ToList();
        await ForEachAsync(approved.Where(r => r.Input.Target.IsShared).ToList(), (run, token) => ApplyOneAsync(run, prune, token), cancellationToken).ConfigureAwait(false);
        await ForEachAsync(approved.Where(r => !r.Input.Target.IsShared).ToList(), (run, token) => ApplyOneAsync(run, prune, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyOneAsync(EnvironmentSyncRun run, bool prune, CancellationToken cancellationToken)
    {
        var state = run.State!;
        if (state.Exists && !state.Plan.HasChanges)
        {
            run.Completed = true;
            return;
        }

        if (!state.Exists && !run.CreateAllowed)
        {
            return;
        }

        var service = Service(run);
        if (!state.Exists)
        {
            await service.CreateAsync(state.Environment, cancellationToken).ConfigureAwait(false);
        }

        (run.State, run.Revision) = await service.ApplyAsync(state, run.Input.Input.Desired, prune, cancellationToken).ConfigureAwait(false);
        run.Completed = true;
    }

    private EscSyncService Service(EnvironmentSyncRun run)
    {
        var imports = run.Input.Import is { } import ? new[] { import } : [];
        return new EscSyncService(new EscClient(_endpoint, _reporter), _reporter, imports: imports, manageImports: run.Input.ManagesImports);
    }

    /// <summary>Runs <paramref name="work"/> for each run, at most the throttle limit at once; a SecretSync failure stays on its run.</summary>
    private async Task ForEachAsync(IReadOnlyList<EnvironmentSyncRun> runs, Func<EnvironmentSyncRun, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(_throttleLimit);
        var tasks = runs.Select(async run =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await work(run, cancellationToken).ConfigureAwait(false);
            }
            catch (SecretSyncException e)
            {
                _reporter.Verbose($"{run.Input.Target} failed: {e.Message}");
                run.Error = e;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
