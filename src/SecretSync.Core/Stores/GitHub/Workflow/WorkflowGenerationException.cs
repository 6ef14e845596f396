namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>The sync workflow cannot be generated from the given catalog, secretsync.json and options; says what to change.</summary>
public sealed class WorkflowGenerationException : SecretSyncException
{
    public WorkflowGenerationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
