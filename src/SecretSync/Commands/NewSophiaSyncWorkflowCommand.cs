using System.IO;
using System.Management.Automation;
using SecretSync.Core;
using SecretSync.Core.Files;
using SecretSync.Core.GitHub;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Generates the GitHub Actions workflow that syncs the organisation's secrets into Pulumi ESC.</para>
/// <para type="description">New-SophiaSyncWorkflow writes .github/workflows/unified-secret-sync.yml (or -Path, or workflow of secretsync.json) from the catalog and secretsync.json: triggered by workflow_dispatch and by pushes that change secretsync.json or the workflow; one job of pwsh steps that installs SecretSync, passes every catalogued secret by its GitHub name to the one step that syncs them, updates MCP configs and .env.template, writes a summary of names and actions to the run, and commits changed configuration files back with contents: write as its only permission. Adding a secret is one entry in secretsync.json and a regeneration. Regenerating from unchanged inputs rewrites nothing; a changed file is replaced only with -Force. Returns the file.</para>
/// </summary>
/// <example>
/// <code>New-SophiaSyncWorkflow</code>
/// <para>Generates the workflow at the default path of the project.</para>
/// </example>
/// <example>
/// <code>New-SophiaSyncWorkflow -ModuleSource Path -Force -WhatIf</code>
/// <para>Shows whether regenerating the workflow (building the module from this repository) would change the file.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "SophiaSyncWorkflow", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class NewSophiaSyncWorkflowCommand : SophiaCmdlet
{
    /// <summary>
    /// <para type="description">Where to write the workflow. Default: workflow of secretsync.json, else .github/workflows/unified-secret-sync.yml under the project folder.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">How the workflow gets the module: Gallery (Install-PSResource SecretSync) or Path (build it from this repository).</para>
    /// </summary>
    [Parameter]
    public ModuleSource ModuleSource { get; set; } = ModuleSource.Gallery;

    /// <summary>
    /// <para type="description">Replace an existing workflow whose content differs.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var root = Context.Config.Directory ?? CurrentDirectory;
        var path = Path is null
            ? Context.Config.Workflow ?? System.IO.Path.Combine(root, WorkflowOptions.DefaultWorkflowPath)
            : GetUnresolvedProviderPathFromPSPath(Path);
        string text;
        try
        {
            text = SyncWorkflowGenerator.Generate(Context.Catalog, Context.Config, new WorkflowOptions { ModuleSource = ModuleSource, RepositoryRoot = root, WorkflowPath = path });
        }
        catch (SecretSyncException e)
        {
            Fail(e, path);
            return;
        }

        if (File.Exists(path))
        {
            if (File.ReadAllText(path) == text)
            {
                WriteVerbose($"{path} is up to date; not rewritten.");
                WriteObject(new FileInfo(path));
                return;
            }

            if (!Force)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new IOException($"{path} exists and differs from what the catalog generates. Pass -Force to replace it (commit or diff it first if it was edited by hand)."),
                    "SecretSync.WorkflowExists",
                    ErrorCategory.ResourceExists,
                    path));
            }
        }

        if (ShouldProcess(path, "Write the secret sync workflow"))
        {
            AtomicFile.WriteAllText(path, text);
            WriteObject(new FileInfo(path));
        }
    }
}
