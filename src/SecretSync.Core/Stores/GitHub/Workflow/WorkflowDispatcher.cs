using Newtonsoft.Json.Linq;
using Octokit;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Starts a workflow (workflow_dispatch) and follows the run it started. The dispatch asks GitHub for the run id
/// (return_run_details, github.com since 2026-02). GitHub Enterprise Server 3.19/3.20 refuses that key with 422
/// "\"return_run_details\" is not a permitted key." (cli/cli#12672): then the dispatch is sent once more without it
/// (a refused request started nothing), and the run is found as gh found it before run ids existed: the new
/// workflow_dispatch run of that branch created since the dispatch that was not listed before it, so someone
/// else's run is never taken.
/// </summary>
public sealed class WorkflowDispatcher
{
    private readonly ServiceEndpoint _endpoint;
    private readonly ISyncReporter _reporter;
    private readonly GitHubRetry _retry;
    private readonly GitHubClient _client;
    private readonly TimeSpan _pollInterval;

    public WorkflowDispatcher(ServiceEndpoint endpoint, ISyncReporter reporter, TimeSpan? pollInterval = null)
    {
        _endpoint = endpoint;
        _reporter = reporter;
        _retry = new GitHubRetry(reporter);
        _client = GitHubClientFactory.Create(endpoint);
        _pollInterval = pollInterval ?? TimeSpan.FromSeconds(3);
    }

    /// <summary>
    /// Dispatches <paramref name="workflow"/> on <paramref name="gitRef"/> and returns the run it started.
    /// <paramref name="inputs"/> are sent as strings, as workflow_dispatch requires (see <see cref="WorkflowDispatchInputs"/>).
    /// </summary>
    public async Task<WorkflowRunInfo> DispatchAsync(string owner, string repository, string workflow, string gitRef, IReadOnlyDictionary<string, string>? inputs, CancellationToken cancellationToken)
    {
        var what = $"workflow {workflow} of {owner}/{repository}";
        var before = await RecentRunIdsAsync(owner, repository, workflow, gitRef, cancellationToken).ConfigureAwait(false);

        // GitHub stamps created_at with its own clock, at one-second resolution: compare in server time, a little early.
        var since = DateTimeOffset.UtcNow + (_client.GetLastApiInfo()?.ServerTimeDifference ?? TimeSpan.Zero) - TimeSpan.FromSeconds(2);
        var uri = new Uri($"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}/actions/workflows/{Uri.EscapeDataString(workflow)}/dispatches", UriKind.Relative);
        var response = await CallAsync(_ => PostDispatchAsync(uri, gitRef, inputs), what, cancellationToken).ConfigureAwait(false);
        var runId = (response.Body as JObject)?["workflow_run_id"]?.Value<long?>() ?? WorkflowDispatchBody.RunIdFromRaw(response.HttpResponse.Body);
        _reporter.Verbose(runId is null ? $"Dispatched {what} on {gitRef}; looking for the run it started." : $"Dispatched {what} on {gitRef}: run {runId}.");
        return runId is { } id
            ? await GetAsync(owner, repository, id, cancellationToken).ConfigureAwait(false)
            : await FindNewRunAsync(owner, repository, workflow, gitRef, before, since, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IApiResponse<object>> PostDispatchAsync(Uri uri, string gitRef, IReadOnlyDictionary<string, string>? inputs)
    {
        try
        {
            return await _client.Connection.Post<object>(uri, WorkflowDispatchBody.Create(gitRef, inputs, askForRun: true), "application/vnd.github+json", "application/json").ConfigureAwait(false);
        }
        catch (ApiValidationException e) when (WorkflowDispatchBody.RefusesRunDetails(e))
        {
            _reporter.Verbose($"{_endpoint} does not know {WorkflowDispatchBody.RunDetailsKey} (GitHub Enterprise Server); dispatching without it and finding the run by listing.");
            return await _client.Connection.Post<object>(uri, WorkflowDispatchBody.Create(gitRef, inputs, askForRun: false), "application/vnd.github+json", "application/json").ConfigureAwait(false);
        }
    }

    /// <summary>The repository's default branch, where the dispatch runs when no ref is given (as gh does).</summary>
    public async Task<string> DefaultBranchAsync(string owner, string repository, CancellationToken cancellationToken) =>
        (await CallAsync(_ => _client.Repository.Get(owner, repository), $"repository {owner}/{repository}", cancellationToken).ConfigureAwait(false)).DefaultBranch ?? "main";

    /// <summary>Polls <paramref name="run"/> until it completes or <paramref name="timeout"/> passes (then throws, saying the run goes on).</summary>
    public async Task<WorkflowRunInfo> WaitAsync(string owner, string repository, WorkflowRunInfo run, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var activity = $"Waiting for {owner}/{repository} run {run.Id}";
        var started = DateTimeOffset.UtcNow;
        while (!run.IsCompleted)
        {
            var elapsed = DateTimeOffset.UtcNow - started;
            if (elapsed >= timeout)
            {
                _reporter.Progress(activity, "Timed out", 100, completed: true);
                throw new WorkflowRunFailedException(run, $"Run {run.Id} did not finish within {timeout}; it goes on in GitHub: {run.HtmlUrl}");
            }

            _reporter.Progress(activity, $"{run.Status} for {elapsed.TotalSeconds:0} s", (int)Math.Min(99, elapsed.TotalSeconds * 100 / timeout.TotalSeconds));
            await Task.Delay(_pollInterval, cancellationToken).ConfigureAwait(false);
            run = await GetAsync(owner, repository, run.Id, cancellationToken).ConfigureAwait(false);
        }

        _reporter.Progress(activity, run.Conclusion ?? "completed", 100, completed: true);
        return run;
    }

    private async Task<WorkflowRunInfo> GetAsync(string owner, string repository, long id, CancellationToken cancellationToken)
    {
        var run = await CallAsync(_ => _client.Actions.Workflows.Runs.Get(owner, repository, id), $"run {id} of {owner}/{repository}", cancellationToken).ConfigureAwait(false);
        return ToInfo(run);
    }

    private async Task<HashSet<long>> RecentRunIdsAsync(string owner, string repository, string workflow, string gitRef, CancellationToken cancellationToken)
    {
        var runs = await CallAsync(
            _ => _client.Actions.Workflows.Runs.ListByWorkflow(owner, repository, workflow, new WorkflowRunsRequest { Event = "workflow_dispatch", Branch = gitRef }, new ApiOptions { PageSize = 30, PageCount = 1 }),
            $"the runs of workflow {workflow} of {owner}/{repository}",
            cancellationToken).ConfigureAwait(false);
        return new HashSet<long>(runs.WorkflowRuns.Select(r => r.Id));
    }

    private async Task<WorkflowRunInfo> FindNewRunAsync(string owner, string repository, string workflow, string gitRef, HashSet<long> before, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var created = ">=" + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // GitHub creates the run a moment after answering the dispatch.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var runs = await CallAsync(
                _ => _client.Actions.Workflows.Runs.ListByWorkflow(owner, repository, workflow, new WorkflowRunsRequest { Event = "workflow_dispatch", Branch = gitRef, Created = created }, new ApiOptions { PageSize = 30, PageCount = 1 }),
                $"the runs of workflow {workflow} of {owner}/{repository}",
                cancellationToken).ConfigureAwait(false);
            var fresh = runs.WorkflowRuns.Where(r => !before.Contains(r.Id)).OrderBy(r => r.CreatedAt).FirstOrDefault();
            if (fresh is not null)
            {
                return ToInfo(fresh);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        throw new SecretSyncException($"GitHub accepted the dispatch of {workflow} in {owner}/{repository}, but no new run appeared within 20 s. Look at the Actions tab.");
    }

    private static WorkflowRunInfo ToInfo(WorkflowRun run) =>
        new(run.Id, run.Status.StringValue, run.Conclusion?.StringValue, run.HtmlUrl, run.CreatedAt);

    private Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken) =>
        _retry.CallAsync(call, _endpoint, what, cancellationToken);
}
