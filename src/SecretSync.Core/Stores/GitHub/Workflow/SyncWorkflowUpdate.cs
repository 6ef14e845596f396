namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>Decides whether the generated workflow may replace what is at its path.</summary>
public static class SyncWorkflowUpdate
{
    /// <summary>
    /// <see cref="WorkflowWriteDecision.Regenerate"/> for a file whose content hash (<see cref="GeneratedWorkflowMarker"/>)
    /// still matches, <see cref="WorkflowWriteDecision.HandEdited"/> for any other differing file.
    /// </summary>
    public static WorkflowWriteDecision Decide(string? existing, string generated)
    {
        if (existing is null)
        {
            return WorkflowWriteDecision.Create;
        }

        if (string.Equals(existing, generated ?? throw new ArgumentNullException(nameof(generated)), StringComparison.Ordinal))
        {
            return WorkflowWriteDecision.UpToDate;
        }

        return GeneratedWorkflowMarker.IsUnmodified(existing) ? WorkflowWriteDecision.Regenerate : WorkflowWriteDecision.HandEdited;
    }
}
