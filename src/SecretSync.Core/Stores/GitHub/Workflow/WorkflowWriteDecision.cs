namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>What New-SophiaSyncWorkflow does with the file at its path.</summary>
public enum WorkflowWriteDecision
{
    /// <summary>No file yet: write it.</summary>
    Create,

    /// <summary>The file already holds exactly the generated text: leave it.</summary>
    UpToDate,

    /// <summary>The file is the generator's unmodified earlier output: replace it freely.</summary>
    Regenerate,

    /// <summary>The file was edited by hand (or was not generated): replace it only with -Force.</summary>
    HandEdited,
}
