using SecretSync.Core;
using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Plumbing.Text;
using SecretSync.Core.Stores.GitHub.Workflow;
using SecretSync.Writing;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Generates the GitHub Actions workflow that syncs the organisation's secrets into Pulumi ESC, or checks that the committed one still matches the catalog.</para>
/// <para type="description">New-SophiaSyncWorkflow writes .github/workflows/unified-secret-sync.yml (or -Path, or workflow of secretsync.json) from the catalog and secretsync.json: triggered by workflow_dispatch and by pushes that change secretsync.json or the workflow; one job of pwsh steps that gets SecretSync, passes every catalogued secret by its GitHub name to the one step that syncs them, updates MCP configs and .env.template, writes a summary of names and actions to the run, and commits changed configuration files back with contents: write as its only permission. Actions are pinned to commit SHAs. The module is built from the checked-out commit (-ModuleSource Path, the default), or installed at an exact -ModuleVersion from the organisation's repository (-ModuleSource Repository -RepositoryUri) or, with a warning, from the public PowerShell Gallery. Of the catalog only names and category headings in a safe alphabet reach the file, and the text is parsed back and refused unless it is exactly the intended workflow. The file ends with a hash of its content: the generator's own unmodified output is regenerated freely, a hand-edited file only with -Force. -WhatIf prints the diff it would write. -Check writes nothing and reports whether the committed workflow passes exactly the catalogued secrets (error SecretSync.WorkflowStale when not, so -ErrorAction Stop fails a CI step). Warns when the workflow reads more than the 100 organisation secrets a run can see. Returns the file, or with -Check a SecretSync.WorkflowCheck.</para>
/// </summary>
/// <example>
/// <code>New-SophiaSyncWorkflow</code>
/// <para>Generates (or regenerates after a catalog change) the workflow at the default path of the project.</para>
/// </example>
/// <example>
/// <code>New-SophiaSyncWorkflow -WhatIf</code>
/// <para>Prints the diff regenerating the workflow would write, and writes nothing.</para>
/// </example>
/// <example>
/// <code>New-SophiaSyncWorkflow -Check -ErrorAction Stop</code>
/// <para>In CI: fails when the committed workflow misses a catalogued secret or passes one the catalog dropped.</para>
/// </example>
/// <example>
/// <code>New-SophiaSyncWorkflow -ModuleSource Repository -RepositoryUri https://pkgs.example.com/nuget/v3/index.json -ModuleVersion 1.2.0</code>
/// <para>Installs exactly SecretSync 1.2.0 from the organisation's own PSResource repository in the workflow.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "SophiaSyncWorkflow", SupportsShouldProcess = true, DefaultParameterSetName = GenerateSet)]
[OutputType(typeof(FileInfo), ParameterSetName = [GenerateSet])]
[OutputType(typeof(WorkflowCheckResult), ParameterSetName = [CheckSet])]
public sealed class NewSophiaSyncWorkflowCommand : SophiaWriteCmdlet
{
    private const string GenerateSet = "Generate";
    private const string CheckSet = "Check";

    /// <summary>
    /// <para type="description">Where to write (or check) the workflow. Default: workflow of secretsync.json, else .github/workflows/unified-secret-sync.yml under the project folder.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">How the workflow gets the module: Path (default: build it from the checked-out commit), Repository (the organisation's PSResource repository at -RepositoryUri) or Gallery (the public PowerShell Gallery; warned about). Repository and Gallery need -ModuleVersion.</para>
    /// </summary>
    [Parameter(ParameterSetName = GenerateSet)]
    public ModuleSource ModuleSource { get; set; } = ModuleSource.Path;

    /// <summary>
    /// <para type="description">The exact module version the workflow installs (Repository and Gallery), such as 1.2.0. Never "latest": the job holds every organisation secret.</para>
    /// </summary>
    [Parameter(ParameterSetName = GenerateSet)]
    [ValidateNotNullOrEmpty]
    public string? ModuleVersion { get; set; }

    /// <summary>
    /// <para type="description">The https URI of the organisation's PSResource (NuGet) repository, for -ModuleSource Repository.</para>
    /// </summary>
    [Parameter(ParameterSetName = GenerateSet)]
    [ValidateNotNullOrEmpty]
    public string? RepositoryUri { get; set; }

    /// <summary>
    /// <para type="description">Replace a workflow that was edited by hand (its content hash no longer matches).</para>
    /// </summary>
    [Parameter(ParameterSetName = GenerateSet)]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Write nothing; report whether the committed workflow passes exactly the catalogued secrets. A stale or missing workflow is the error SecretSync.WorkflowStale.</para>
    /// </summary>
    [Parameter(ParameterSetName = CheckSet, Mandatory = true)]
    public SwitchParameter Check { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var root = Context.Config.Directory ?? CurrentDirectory;
        var path = Path is null
            ? Context.Config.Workflow ?? System.IO.Path.Combine(root, WorkflowOptions.DefaultWorkflowPath)
            : Paths.ToFileSystem(Path);
        try
        {
            if (Check)
            {
                CheckWorkflow(path);
            }
            else
            {
                Generate(root, path);
            }
        }
        catch (SecretSyncException e)
        {
            Fail(e, path);
        }
    }

    private void Generate(string root, string path)
    {
        var options = new WorkflowOptions { ModuleSource = ModuleSource, ModuleVersion = ModuleVersion, RepositoryUri = RepositoryUri, RepositoryRoot = root, WorkflowPath = path };
        var text = SyncWorkflowGenerator.Generate(Context.Catalog, Context.Config, options);
        if (ModuleSource == ModuleSource.Gallery)
        {
            WriteWarning($"The workflow installs SecretSync {ModuleVersion} from the public PowerShell Gallery into the job that holds every organisation secret: whoever publishes that name there runs code with them. Prefer -ModuleSource Path (the checked-out commit) or Repository (your own feed).");
        }

        WarnAboutUnseen(SyncWorkflowSecrets.GitHubNames(Context.Catalog, Context.Config));
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        var decision = SyncWorkflowUpdate.Decide(existing, text);
        if (decision == WorkflowWriteDecision.HandEdited && !Force)
        {
            ThrowTerminatingError(ErrorRecords.WorkflowExists(
                new IOException($"{path} was edited by hand (or not generated by New-SophiaSyncWorkflow): its content hash does not match. Pass -Force to replace it (commit or diff it first; -WhatIf -Force shows the diff)."),
                path));
        }

        var plan = new WritePlan<string>(text, path, existing is null ? "Write the secret sync workflow" : "Regenerate the secret sync workflow", decision != WorkflowWriteDecision.UpToDate)
        {
            Preview = LineDiff.Unified(existing ?? string.Empty, text, existing is null ? "/dev/null" : path, path).TrimEnd('\n'),
        };
        PlanAndApply(plan, p => AtomicFile.WriteAllText(path, p.Content), (_, outcome) =>
        {
            if (outcome == PlanOutcome.UpToDate)
            {
                WriteVerbose($"{path} is up to date; not rewritten.");
            }

            if (outcome is PlanOutcome.UpToDate or PlanOutcome.Applied)
            {
                WriteObject(new FileInfo(path));
            }
        });
    }

    private void CheckWorkflow(string path)
    {
        var result = SyncWorkflowCheck.Check(path, File.Exists(path) ? File.ReadAllText(path) : null, Context.Catalog, Context.Config);
        WarnAboutUnseen(SyncWorkflowSecrets.GitHubNames(Context.Catalog, Context.Config));
        WriteTyped(result, "SecretSync.WorkflowCheck");
        if (result.StatusKind != WorkflowCheckStatus.Current)
        {
            var problem = new InvalidDataException(SyncWorkflowCheck.Describe(result));
            WriteError(result.StatusKind == WorkflowCheckStatus.Unreadable ? ErrorRecords.WorkflowUnreadable(problem, path) : ErrorRecords.WorkflowStale(problem, path));
        }
    }

    private void WarnAboutUnseen(IReadOnlyList<string> names)
    {
        var unseen = WorkflowSecretLimit.Unseen(names);
        if (unseen.Count > 0)
        {
            WriteWarning($"The workflow reads {names.Count} organisation secrets, but a run sees only the first {WorkflowSecretLimit.MaxOrganizationSecrets} in alphabetical order (GitHub's limit), so even with no other organisation secret shared with the repository these arrive empty and are never synced: {string.Join(", ", unseen)}. Keep the catalog at {WorkflowSecretLimit.MaxOrganizationSecrets} or fewer, or make these repository secrets of the workflow's repository.");
        }
    }
}
