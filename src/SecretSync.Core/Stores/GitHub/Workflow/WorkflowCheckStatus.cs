namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>What New-SophiaSyncWorkflow -Check found.</summary>
public enum WorkflowCheckStatus
{
    /// <summary>The workflow passes exactly the secrets the catalog names to the sync step.</summary>
    Current,

    /// <summary>The workflow misses catalogued secrets or passes ones the catalog no longer has.</summary>
    Stale,

    /// <summary>There is no workflow file.</summary>
    Missing,

    /// <summary>The file is not YAML the check can read.</summary>
    Unreadable,
}
