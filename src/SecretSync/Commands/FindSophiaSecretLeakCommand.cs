using SecretSync.Core;
using SecretSync.Core.Checks.Leaks;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Finds known secret values, tracked .env files and hard-coded MCP credentials in a folder.</para>
/// <para type="description">Find-SophiaSecretLeak scans what git would commit when the folder is in a git working tree (the tracked files, plus untracked files that are not ignored with -IncludeUntracked), else every file outside .git. Binary files and files over 5 MB are skipped. It looks for the exact values of the secrets from the pipeline (or, with no pipeline input, those collected like Get-SophiaSecret with the defaults of secretsync.json), also base64- and URL-encoded; values shorter than 8 characters are not searched. It also reports .env files that git tracks and literal credentials in MCP client configs. Each finding is a SecretSync.LeakFinding with File, Line, Name and Kind, never the value, so in CI: if (Find-SophiaSecretLeak) { exit 1 }.</para>
/// </summary>
/// <example>
/// <code>Find-SophiaSecretLeak</code>
/// <para>Scans the current repository for the values of the environment and .env secrets.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Source Esc | Find-SophiaSecretLeak -Path ~/src/app -IncludeUntracked</code>
/// <para>Searches another checkout, untracked files included, for the values held in ESC.</para>
/// </example>
/// <example>
/// <code>if (Find-SophiaSecretLeak) { exit 1 }</code>
/// <para>Fails a CI step when anything is found.</para>
/// </example>
[Cmdlet(VerbsCommon.Find, "SophiaSecretLeak")]
[OutputType(typeof(LeakFinding))]
public sealed class FindSophiaSecretLeakCommand : SophiaCmdlet
{
    private readonly List<SecretRecord> _records = [];

    /// <summary>
    /// <para type="description">The folder to scan. Default: the current location.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">Secrets whose values to search for, piped or as an array by name: SecretSync.SecretRecord or SecretSync.SyncResult objects, or any objects with Name and Value.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public object?[]? InputObject { get; set; }

    /// <summary>
    /// <para type="description">In a git working tree, also scan untracked files that git does not ignore.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeUntracked { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        _records.AddRange(RecordsFromPipeline(InputObject));
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var root = Path is null ? CurrentDirectory : Paths.ToFileSystem(Path);
        if (!Directory.Exists(root))
        {
            ThrowTerminatingError(ErrorRecords.PathNotFound(new DirectoryNotFoundException($"{root} is not a folder."), root));
        }

        try
        {
            var records = InputGiven ? _records : CollectRecords(new CollectOptions { KeepShadowed = true }, root);
            var values = records.Select(r => (r.Name, Value: r.RevealValue())).Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Name, p.Value!)).ToList();
            var findings = Run((reporter, token) => Task.FromResult(new LeakScanner(reporter).Scan(
                root,
                new LeakScanOptions { IncludeUntracked = IncludeUntracked, Detectors = LeakScanner.DefaultDetectors(values, reporter) },
                token)));
            foreach (var finding in findings)
            {
                WriteTyped(finding, "SecretSync.LeakFinding");
            }
        }
        catch (SecretSyncException e)
        {
            Fail(e, (e as FileException)?.FilePath ?? root);
        }
    }

}
