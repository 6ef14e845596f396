namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>A workflow run ended other than with success, or did not end in time; carries the run.</summary>
public sealed class WorkflowRunFailedException : SecretSyncException
{
    public WorkflowRunFailedException(WorkflowRunInfo run, string message)
        : base(message)
    {
        Run = run;
    }

    public WorkflowRunInfo Run { get; }
}
