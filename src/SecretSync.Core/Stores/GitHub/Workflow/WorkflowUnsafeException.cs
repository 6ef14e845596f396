namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The generator refused its own output: the text would not parse to exactly the workflow it meant, or would give
/// a secret to something other than the sync step. Nothing was written; the message names the first difference.
/// </summary>
public sealed class WorkflowUnsafeException : SecretSyncException
{
    public WorkflowUnsafeException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
