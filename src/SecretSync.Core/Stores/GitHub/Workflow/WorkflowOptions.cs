namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>Choices of New-SophiaSyncWorkflow that secretsync.json does not hold.</summary>
public sealed class WorkflowOptions
{
    /// <summary>The workflow file, relative to the repository root, when neither the caller nor secretsync.json names one.</summary>
    public const string DefaultWorkflowPath = ".github/workflows/unified-secret-sync.yml";

    /// <summary>Where the workflow gets the module from.</summary>
    public ModuleSource ModuleSource { get; init; } = ModuleSource.Path;

    /// <summary>Exact module version to install (Repository and Gallery; required there, never "latest").</summary>
    public string? ModuleVersion { get; init; }

    /// <summary>https URI of the organisation's PSResource repository (ModuleSource Repository only).</summary>
    public string? RepositoryUri { get; init; }

    /// <summary>Full path of the repository root; null means the folder of secretsync.json.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Full path of the workflow file; null means secretsync.json's <c>workflow</c>, else <see cref="DefaultWorkflowPath"/>.</summary>
    public string? WorkflowPath { get; init; }

    /// <summary>ESC environment (<c>org/[project/]env</c>) to sync into; null means secretsync.json's <c>escEnvironment</c>.</summary>
    public string? EscEnvironment { get; init; }

    /// <summary>The branch whose pushes trigger a sync (pushes elsewhere must not write the central store).</summary>
    public string Branch { get; init; } = "main";

    /// <summary>Minutes before GitHub cancels a stuck run.</summary>
    public int TimeoutMinutes { get; init; } = 15;
}
