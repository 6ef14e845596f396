using System.Collections;
using System.Security;
using SecretSync.Core;
using SecretSync.Core.Stores.GitHub.Workflow;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Starts the secret sync workflow in GitHub Actions and, with -Wait, follows its run to the end.</para>
/// <para type="description">Start-SophiaSecretSync dispatches the unified-secret-sync.yml workflow (workflow_dispatch) of the repository, finds the run it started (not someone else's) and returns it as a SecretSync.WorkflowRun: Id, Status, Conclusion, HtmlUrl, CreatedAt. With -Wait it polls the run with a progress bar until it completes; a run that ends other than with success is an error carrying the run's URL, and -Timeout ends the wait with an error saying the run goes on. This is how a laptop syncs GitHub organisation secrets, whose values only a workflow run can read, into Pulumi ESC.</para>
/// </summary>
/// <example>
/// <code>Start-SophiaSecretSync -Wait</code>
/// <para>Starts the sync workflow of secretsync.json's githubRepository and waits for it to succeed.</para>
/// </example>
/// <example>
/// <code>Start-SophiaSecretSync -Repository ai-cherry/sophia -Ref release -Inputs @{ reason = 'rotation' } -Wait -Timeout (New-TimeSpan -Minutes 5)</code>
/// <para>Runs the workflow of another branch with an input and gives up waiting after five minutes.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Start, "SophiaSecretSync", SupportsShouldProcess = true)]
[OutputType(typeof(WorkflowRunInfo))]
public sealed class StartSophiaSecretSyncCommand : SophiaCmdlet
{
    /// <summary>
    /// <para type="description">The repository holding the workflow, owner/repo. Default: githubRepository of secretsync.json.</para>
    /// </summary>
    [Parameter]
    [ValidatePattern(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    public string? Repository { get; set; }

    /// <summary>
    /// <para type="description">The workflow file name. Default: the file name of workflow in secretsync.json, else unified-secret-sync.yml.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Workflow { get; set; }

    /// <summary>
    /// <para type="description">The branch or tag to run the workflow on. Default: the repository's default branch.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Ref { get; set; }

    /// <summary>
    /// <para type="description">workflow_dispatch inputs of the workflow. GitHub takes them as text: booleans are sent as "true"/"false" and numbers as their invariant text; null, lists and other objects are refused (SecretSync.InvalidWorkflowInput) before anything is sent.</para>
    /// </summary>
    [Parameter]
    public Hashtable? Inputs { get; set; }

    /// <summary>
    /// <para type="description">Wait until the run completes, with a progress bar.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>
    /// <para type="description">How long -Wait waits (default 30 minutes). The run goes on after a timeout.</para>
    /// </summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// <para type="description">GitHub token with the workflow (actions: write) permission. Default: the GITHUB_TOKEN or GH_TOKEN environment variable.</para>
    /// </summary>
    [Parameter]
    public SecureString? GitHubToken { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var repository = Repository ?? Context.Config.GitHubRepository;
        if (repository is null)
        {
            ThrowTerminatingError(ErrorRecords.RepositoryRequired(new ArgumentException("Start-SophiaSecretSync needs a repository: pass -Repository owner/repo or set \"githubRepository\" in secretsync.json."), null));
        }

        var (owner, name) = (repository!.Split('/')[0], repository.Split('/')[1]);
        var workflow = Workflow ?? (Context.Config.Workflow is { } configured ? Path.GetFileName(configured) : Path.GetFileName(WorkflowOptions.DefaultWorkflowPath));
        IReadOnlyDictionary<string, string> inputs;
        try
        {
            inputs = WorkflowDispatchInputs.ToStrings(Inputs?.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(e.Key.ToString()!, Unwrap(e.Value))) ?? []);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.InvalidWorkflowInput(e, Inputs));
            return;
        }

        if (!ShouldProcess($"{repository} workflow {workflow}", "Start the secret sync workflow"))
        {
            return;
        }

        try
        {
            var endpoint = Services.GitHubEndpoint(GitHubToken);
            var run = Run(async (reporter, token) =>
            {
                await UnseenWorkflowSecrets.WarnAsync(ServiceClients.WorkflowSecretVisibility(endpoint, reporter), Context.Catalog, owner, name, reporter, token).ConfigureAwait(false);
                var dispatcher = ServiceClients.WorkflowDispatcher(endpoint, reporter);
                var gitRef = Ref ?? await dispatcher.DefaultBranchAsync(owner, name, token).ConfigureAwait(false);
                var started = await dispatcher.DispatchAsync(owner, name, workflow, gitRef, inputs, token).ConfigureAwait(false);
                return Wait ? await dispatcher.WaitAsync(owner, name, started, Timeout, token).ConfigureAwait(false) : started;
            });
            WriteTyped(run, "SecretSync.WorkflowRun");
            if (Wait && run.Conclusion != "success")
            {
                WriteError(ErrorRecords.WorkflowRunFailed(new InvalidOperationException($"Run {run.Id} of {workflow} ended with {run.Conclusion ?? run.Status}: {run.HtmlUrl}"), run));
            }
        }
        catch (WorkflowRunFailedException e)
        {
            WriteTyped(e.Run, "SecretSync.WorkflowRun");
            WriteError(ErrorRecords.WorkflowRunTimeout(e, e.Run));
        }
        catch (SecretSyncException e)
        {
            Fail(e, repository);
        }
    }

    private static object? Unwrap(object? value) => value switch
    {
        PSObject wrapped => Unwrap(wrapped.BaseObject),
        SwitchParameter flag => flag.IsPresent,
        _ => value,
    };
}
