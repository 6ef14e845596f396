using SecretSync.Core;
using SecretSync.Core.Stores.Export;
using SecretSync.Core.Stores.Templates;
using SecretSync.Writing;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Writes .env.template: every secret name the project needs, grouped and described, never a value.</para>
/// <para type="description">New-SophiaEnvTemplate writes the names of the catalog (built-in entries and those of secretsync.json) and any names from the pipeline as NAME= lines, grouped by category in a stable order, each after a comment with its description and whether it is required, below a header that says how to fill it in. Names from the pipeline that the catalog does not know go to the group Other. The file never holds a value, so it can be committed. The path is -Path, else "template" of secretsync.json, else ./.env.template. When the content would not change the file is not rewritten. A file that SecretSync did not generate is only replaced with -Force. Writes are atomic and keep the existing file's line ends and mode; a symbolic link stays a link and its target is written. A read-only file is refused (FileReadOnly), and so is a file that changed while the command ran (FileChanged): it keeps that edit. Returns the file.</para>
/// </summary>
/// <example>
/// <code>New-SophiaEnvTemplate</code>
/// <para>Writes the project's .env.template from the catalog and secretsync.json.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source DotEnv | New-SophiaEnvTemplate -Path config/.env.template</code>
/// <para>Adds the names found in the .env files (values are ignored) to a template in another folder.</para>
/// </example>
/// <example>
/// <code>'LOCAL_DEBUG_TOKEN' | New-SophiaEnvTemplate -Force -WhatIf</code>
/// <para>Shows whether the template would change when a name is added, even if a hand-written file is in the way.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "SophiaEnvTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class NewSophiaEnvTemplateCommand : SophiaWriteCmdlet
{
    private readonly List<string> _names = [];

    /// <summary>
    /// <para type="description">The template file. Default: "template" of secretsync.json, else .env.template in the current location.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">Extra names, piped or as an array by name: strings, SecretSync.SecretRecord or SecretSync.SyncResult objects, or any object with a Name property. Values are never read.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public object?[]? InputObject { get; set; }

    /// <summary>
    /// <para type="description">Replace the file even if SecretSync did not generate it (a hand-written template).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var item in InputObject ?? [])
        {
            AddName(PipelineSecrets.NameOf(item));
        }
    }

    private void AddName(string? name)
    {
        if (name is null)
        {
            return;
        }

        try
        {
            ExportNameException.ThrowIfInvalid(name);
            _names.Add(name);
        }
        catch (ExportNameException e)
        {
            WriteError(ErrorRecords.From(e, name));
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var path = Path is not null ? Paths.ToFileSystem(Path) : Context.Config.Template ?? Paths.Default(".env.template");
        var content = EnvTemplateGenerator.Generate(Context.Catalog, _names);
        try
        {
            // Core answers null for a file that already holds this content: up to date, not rewritten.
            var rewrite = EnvTemplateWriter.Plan(path, content, Force);
            var plan = new WritePlan<EnvTemplatePlan?>(rewrite, path, "Write the .env template", rewrite is not null);
            PlanAndApply(plan, p => EnvTemplateWriter.Write(path, p.Content!), (_, outcome) =>
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
        catch (SecretSyncException e)
        {
            Fail(e, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.WriteFailed(e, path));
        }
    }
}
