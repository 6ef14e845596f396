using SecretSync.Core;
using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Export;
using SecretSync.Writing;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Writes secret values to a .env file, to $GITHUB_ENV (masked), to a Docker env file or as JSON.</para>
/// <para type="description">Export-SophiaSecret takes SecretSync.SecretRecord objects (or SyncResults, or any objects with Name and Value) from the pipeline, or with no pipeline input collects like Get-SophiaSecret with the defaults of secretsync.json, and writes their values. DotEnv merges into the file (default ./.env): existing keys change in place, comments and other keys stay, new keys are appended; values are quoted so that python-dotenv and DotNetEnv both read back the exact value, multi-line included, and a value no spelling can carry to both is refused with an error naming the secret while the others are written. The planned file is read back in both dialects before it is written: a key either would read differently (the quoting of the lines around it can change how a reader splits the file) is refused (SecretSync.DotEnvDialectMismatch); a file DotNetEnv already rejects is written with a warning naming the line DotNetEnv fails on. GitHubEnv appends to the file named by $GITHUB_ENV (or -Path), NAME=value or the NAME&lt;&lt;DELIMITER form for multi-line values, after ::add-mask:: for each value. DockerEnv writes the whole -Path as NAME=value lines exactly as docker run --env-file and compose env_file read them; a value they would read differently (several lines, white space at either end, quotes, $, backslash, a # comment) is refused with an error naming the secret while the others are written. Json writes an object of name to value to -Path, or without -Path returns the JSON text, only with -AsPlainText. Files are written atomically with mode 0600 on Unix (a symbolic link stays a link: its target is written and checked); a read-only file, and a .env file that changed while the command ran, are refused and left as they are. A file that git tracks or does not ignore is refused unless -Force, and so is one git cannot answer for (git missing, failing, or refusing a repository another user owns); outside any git working tree files are written. The $GITHUB_ENV file of the runner is not checked; a -Path given with -Format GitHubEnv is.</para>
/// </summary>
/// <example>
/// <code>Get-SophiaSecret -Source Esc | Export-SophiaSecret -Format DotEnv -Path .env</code>
/// <para>Fills the local .env from the ESC environment of secretsync.json.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Esc -Name LINEAR_*, GONG_* | Export-SophiaSecret -Format GitHubEnv</code>
/// <para>In a GitHub Actions step: masks the values and makes them environment variables of the following steps.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Esc -IncludeNonSecret | Export-SophiaSecret -Format DockerEnv -Path ./prod.env; docker run --env-file ./prod.env sophia/api</code>
/// <para>Writes the environment's variables to a Docker env file (mode 0600) for docker run --env-file or compose env_file.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source DotEnv | Export-SophiaSecret -Format Json -AsPlainText | Set-Clipboard</code>
/// <para>Returns the values as one JSON object (plain text: take care where it goes).</para>
/// </example>
[Cmdlet(VerbsData.Export, "SophiaSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FileInfo), typeof(string))]
public sealed class ExportSophiaSecretCommand : SophiaWriteCmdlet
{
    private readonly List<SecretRecord> _records = [];

    /// <summary>
    /// <para type="description">DotEnv, GitHubEnv, Json or DockerEnv.</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    public ExportFormat Format { get; set; }

    /// <summary>
    /// <para type="description">The file to write. Default: ./.env for DotEnv, $GITHUB_ENV for GitHubEnv, none for Json (the JSON is returned, with -AsPlainText).</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">Secrets to export, piped or as an array by name (then nothing is collected): SecretSync.SecretRecord or SecretSync.SyncResult objects, or any objects with Name and Value (SecureString or string).</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public object?[]? InputObject { get; set; }

    /// <summary>
    /// <para type="description">Write to a file even if git tracks it, does not ignore it, or cannot tell (git missing or failing).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">With -Format Json and no -Path: return the JSON text, values in plain text.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>
    /// <para type="description">With -Format GitHubEnv: return the $GITHUB_ENV file after appending.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        _records.AddRange(RecordsFromPipeline(InputObject));
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (Format == ExportFormat.Json && Path is null && !AsPlainText)
        {
            ThrowTerminatingError(ErrorRecords.PlainTextRequired(new InvalidOperationException("Without -Path, -Format Json returns the values as plain text: add -AsPlainText to confirm, or pass -Path to write a file."), null));
        }

        var values = Values(InputGiven ? _records : CollectRecords(new CollectOptions()));
        var path = Path is not null ? Paths.ToFileSystem(Path) : Format switch
        {
            ExportFormat.GitHubEnv => GitHubEnvPath(),
            ExportFormat.DotEnv => Paths.Default(".env"),
            ExportFormat.DockerEnv => NoPath(),
            _ => null,
        };
        if (path is null)
        {
            WriteObject(JsonExport.Format(values));
            return;
        }

        try
        {
            switch (Format)
            {
                case ExportFormat.DotEnv:
                    ExportDotEnv(path, values);
                    break;
                case ExportFormat.GitHubEnv:
                    ExportGitHubEnv(path, values);
                    break;
                case ExportFormat.DockerEnv:
                    ExportDockerEnv(path, values);
                    break;
                default:
                    ExportJson(path, values);
                    break;
            }
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

    private void ExportDotEnv(string path, List<KeyValuePair<string, string>> values)
    {
        ThrowIfCommittable(path);
        var merge = DotEnvExport.Plan(path, values);
        foreach (var refused in merge.Refused)
        {
            WriteError(ErrorRecords.From(refused, (refused as ValueNotPortableException)?.Name ?? (refused as ExportNameException)?.Name ?? (refused as DotEnvDialectMismatchException)?.Name));
        }

        if (merge.DotNetEnvError is { } dotNetEnv && merge.Written.Count > 0)
        {
            WriteWarning($"{dotNetEnv.Message} The values were written and read back with python-dotenv; DotNetEnv already rejected this file before the export.");
        }

        if (merge.Written.Count == 0 && !File.Exists(path))
        {
            return;
        }

        var plan = new WritePlan<DotEnvExportPlan>(merge, path, "Write", merge.Written, $"to {path}", merge.Changes);
        PlanAndApply(plan, p => DotEnvExport.Write(path, p.Content), (_, outcome) =>
        {
            if (outcome == PlanOutcome.UpToDate)
            {
                WriteVerbose($"{path} already holds these values; not rewritten.");
            }

            WriteFileIf(outcome is PlanOutcome.UpToDate or PlanOutcome.Applied, path);
        });
    }

    private void ExportJson(string path, List<KeyValuePair<string, string>> values)
    {
        ThrowIfCommittable(path);
        var plan = new WritePlan<string>(JsonExport.Format(values), path, "Write", values.Select(v => v.Key), $"to {path}", hasChanges: true, "as JSON");
        PlanAndApply(plan, p => AtomicFile.WriteAllText(path, p.Content, FileModePolicy.OwnerOnly), (_, outcome) => WriteFileIf(outcome == PlanOutcome.Applied, path));
    }

    private void ExportDockerEnv(string path, List<KeyValuePair<string, string>> values)
    {
        ThrowIfCommittable(path);
        var (text, written, refused) = DockerEnvFile.Format(values);
        foreach (var e in refused)
        {
            var name = (e as DockerEnvValueException)?.Name ?? (e as ExportNameException)?.Name;
            WriteError(e is DockerEnvValueException ? ErrorRecords.DockerEnvValueRefused(e, name) : ErrorRecords.From(e, name));
        }

        var plan = new WritePlan<string>(text, path, $"Write {string.Join(", ", written)} to the Docker env file", written.Count > 0);
        PlanAndApply(plan, p => AtomicFile.WriteAllText(path, p.Content, FileModePolicy.OwnerOnly), (_, outcome) => WriteFileIf(outcome == PlanOutcome.Applied, path));
    }

    private void ExportGitHubEnv(string path, List<KeyValuePair<string, string>> values)
    {
        // Mask every value before anything else is written, so no later log line can show one.
        var masker = GitHubActionsMasker.ForCurrentProcess();
        values.ForEach(pair => masker.Mask(pair.Value));
        var text = new StringBuilder();
        var names = new List<string>();
        foreach (var pair in values)
        {
            try
            {
                text.Append(GitHubEnvFile.FormatEntry(pair.Key, pair.Value));
                names.Add(pair.Key);
            }
            catch (ExportNameException e)
            {
                WriteError(ErrorRecords.From(e, pair.Key));
            }
        }

        // The runner's own $GITHUB_ENV is outside any checkout and is read back by the runner; a -Path is the user's.
        bool chosenFile = Path is not null;
        if (chosenFile)
        {
            ThrowIfCommittable(path);
        }

        var plan = new WritePlan<string>(text.ToString(), path, "Append", names, $"to {path} ($GITHUB_ENV)", names.Count > 0);
        PlanAndApply(plan, p => GitHubEnvFile.Append(path, p.Content, ownerOnly: chosenFile), (_, outcome) => WriteFileIf(outcome == PlanOutcome.Applied && PassThru, path));
    }

    private void WriteFileIf(bool condition, string path)
    {
        if (condition)
        {
            WriteObject(new FileInfo(path));
        }
    }

    private void ThrowIfCommittable(string path)
    {
        if (!Force)
        {
            ExportTargetGuard.ThrowIfCommittable(path);
        }
    }

    /// <summary>Name/value pairs of the records that carry a value; the others get an error each.</summary>
    private List<KeyValuePair<string, string>> Values(List<SecretRecord> records)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var record in records)
        {
            if (record.RevealValue() is { } value)
            {
                values.Add(new KeyValuePair<string, string>(record.Name, value));
            }
            else
            {
                WriteError(ErrorRecords.NoValue(new InvalidOperationException($"{record.Name} has no value to export ({record.Origin}): GitHub never returns values; read it from Esc, DotEnv or Environment."), record.Name));
            }
        }

        return values;
    }

    private string NoPath()
    {
        ThrowTerminatingError(ErrorRecords.PathRequired(new InvalidOperationException("-Format DockerEnv needs -Path: the env file to write (e.g. ./prod.env for docker run --env-file)."), null));
        return string.Empty;
    }

    // The runner names its file with an absolute path of the machine, not a PowerShell path.
    private string GitHubEnvPath()
    {
        if (System.Environment.GetEnvironmentVariable("GITHUB_ENV") is { Length: > 0 } file)
        {
            return Paths.Default(file);
        }

        ThrowTerminatingError(ErrorRecords.GitHubEnvNotSet(new InvalidOperationException("GITHUB_ENV is not set: -Format GitHubEnv works inside a GitHub Actions step, or pass -Path."), null));
        return string.Empty;
    }
}
