using Polly;
using Polly.Retry;
using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>
/// Writes a whole sync into an ESC environment as ONE revision: one GET of the stored definition (ciphertext stays
/// as it is), one yaml/check to evaluate it, a pure plan, and one PATCH with the ETag. A 409 means someone wrote in
/// between: wait (jittered, exponentially longer, so racing writers spread out), read, plan and apply again, up to
/// <see cref="EscConflictRetry.MaxAttempts"/> times, so no concurrent change is lost. An approval refusal is never retried.
/// </summary>
public sealed class EscSyncService
{
    /// <summary>The longest wait between two attempts after a conflict.</summary>
    public static readonly TimeSpan MaxConflictWait = TimeSpan.FromSeconds(4);

    private readonly EscClient _client;
    private readonly ISyncReporter _reporter;
    private readonly ResiliencePipeline _conflicts;
    private readonly EscImportsPlan _imports;

    /// <param name="client">The ESC client.</param>
    /// <param name="reporter">Progress and verbose output.</param>
    /// <param name="clock">Time for the waits between attempts; tests pass a fake so they never sleep.</param>
    /// <param name="imports">Imports (<c>project/env</c>) the environment must hold; added in the same revision when missing.</param>
    /// <param name="manageImports">
    /// True for an environment of secretsync.json: the imports it adds are recorded, and a recorded one that
    /// <paramref name="imports"/> no longer names is removed. An import SecretSync did not add is never removed.
    /// </param>
    public EscSyncService(EscClient client, ISyncReporter reporter, TimeProvider? clock = null, IReadOnlyList<string>? imports = null, bool manageImports = false)
    {
        _client = client;
        _reporter = reporter;
        _imports = new EscImportsPlan(imports ?? [], manageImports, reporter);

        // Ten writers racing at 150 ms per request need up to ten rounds; the waits (0.25 s doubling to 4 s,
        // jittered) spread them so most land in the first few, and the total stays under a minute.
        _conflicts = new ResiliencePipelineBuilder { TimeProvider = clock ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<EscConflictException>(),
                MaxRetryAttempts = EscConflictRetry.MaxAttempts - 1,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = MaxConflictWait,
                OnRetry = args =>
                {
                    _reporter.Verbose($"The environment changed while syncing (409); reading it again in {args.RetryDelay.TotalSeconds:0.##} s (attempt {args.AttemptNumber + 2} of {EscConflictRetry.MaxAttempts}).");
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Reads and plans without writing. A missing environment is planned as empty.</summary>
    public async Task<EscSyncState> PlanAsync(EnvironmentRef environment, IReadOnlyList<EscDesiredSecret> desired, bool prune, CancellationToken cancellationToken)
    {
        // Whatever the service says back about this sync is redacted of the values it carries.
        _client.RememberValues(desired.Select(d => d.Value));
        var activity = $"Syncing {desired.Count} secrets to {environment}";
        _reporter.Progress(activity, "Reading the definition", 10);
        EscDefinition? definition;
        try
        {
            definition = await _client.GetDefinitionAsync(environment, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceNotFoundException)
        {
            _reporter.Verbose($"ESC environment {environment} does not exist yet.");
            return new EscSyncState(environment, null, _imports.Apply(string.Empty, EscSyncPlanner.Plan(string.Empty, EscEvaluatedEnvironment.Empty, desired, prune)));
        }

        _reporter.Verbose($"Read {environment} at revision {definition.Revision}.");
        _reporter.Progress(activity, "Evaluating the current values", 40);
        var evaluated = string.IsNullOrWhiteSpace(definition.Yaml)
            ? EscEvaluatedEnvironment.Empty
            : EscEvaluatedEnvironment.FromProperties((await _client.CheckAsync(environment, definition.Yaml, showSecrets: true, cancellationToken).ConfigureAwait(false))["properties"] as Newtonsoft.Json.Linq.JObject ?? []);
        _reporter.Progress(activity, "Planning", 60);
        return new EscSyncState(environment, definition, _imports.Apply(definition.Yaml, EscSyncPlanner.Plan(definition.Yaml, evaluated, desired, prune)));
    }

    /// <summary>Creates the environment (empty, revision 1).</summary>
    public Task CreateAsync(EnvironmentRef environment, CancellationToken cancellationToken) => _client.CreateAsync(environment, cancellationToken);

    /// <summary>
    /// Writes <paramref name="state"/>'s plan as one revision, re-planning on conflicts. Returns the final state and
    /// the revision the environment is at afterwards.
    /// </summary>
    public async Task<(EscSyncState State, long Revision)> ApplyAsync(EscSyncState state, IReadOnlyList<EscDesiredSecret> desired, bool prune, CancellationToken cancellationToken)
    {
        var activity = $"Syncing {desired.Count} secrets to {state.Environment}";
        var first = true;
        try
        {
            return await _conflicts.ExecuteAsync(
                async token =>
                {
                    if (!first || state.Definition is null)
                    {
                        // After a conflict, or just created: plan against what the service now holds.
                        state = await PlanAsync(state.Environment, desired, prune, token).ConfigureAwait(false);
                    }

                    first = false;
                    if (!state.Plan.HasChanges)
                    {
                        _reporter.Progress(activity, "Nothing to change", 100, completed: true);
                        return (state, state.Revision);
                    }

                    _reporter.Progress(activity, "Writing one revision", 80);
                    var revision = await _client.UpdateDefinitionAsync(state.Environment, state.Plan.NewDefinition!, state.Definition!.ETag, token).ConfigureAwait(false);
                    _reporter.Verbose($"Wrote {state.Environment} revision {revision}.");
                    _reporter.Progress(activity, "Done", 100, completed: true);
                    return (state, revision);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (EscConflictException e)
        {
            throw new EscConflictException(_client.Host, $"{state.Environment} kept changing while SecretSync wrote to it ({EscConflictRetry.MaxAttempts} attempts with growing waits of up to {MaxConflictWait.TotalSeconds:0} s between them, each answered 409 Conflict); nothing was written. Run the sync again when other writers are done. ({e.Message})");
        }
    }
}
