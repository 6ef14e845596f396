namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>A committed sync workflow compared with the catalog (New-SophiaSyncWorkflow -Check). Names only, never values.</summary>
public sealed class WorkflowCheckResult
{
    public WorkflowCheckResult(string path, WorkflowCheckStatus status, IReadOnlyList<string> missingNames, IReadOnlyList<string> extraNames, IReadOnlyList<string> unseenNames, bool isGeneratorOutput)
    {
        Path = path;
        StatusKind = status;
        MissingNames = missingNames;
        ExtraNames = extraNames;
        UnseenNames = unseenNames;
        IsGeneratorOutput = isGeneratorOutput;
    }

    /// <summary>The workflow file.</summary>
    public string Path { get; }

    /// <summary>A <see cref="WorkflowCheckStatus"/> name (text, so that ConvertTo-Json writes the name).</summary>
    public string Status => StatusKind.ToString();

    internal WorkflowCheckStatus StatusKind { get; }

    /// <summary>Catalogued secrets (step variable names) the workflow does not pass to the sync step: a run never syncs them.</summary>
    public IReadOnlyList<string> MissingNames { get; }

    /// <summary>Variables the workflow passes from secrets that the catalog does not have (any more).</summary>
    public IReadOnlyList<string> ExtraNames { get; }

    /// <summary>Organisation secrets the workflow reads beyond GitHub's 100 per run: they arrive empty.</summary>
    public IReadOnlyList<string> UnseenNames { get; }

    /// <summary>True when the file is the generator's unmodified output (its content hash matches).</summary>
    public bool IsGeneratorOutput { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Status}";
}
