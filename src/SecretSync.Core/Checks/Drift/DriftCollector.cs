using SecretSync.Core.DotEnv;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// Reads every source Compare-SophiaSecret can reach, all reads: environment and .env always; GitHub's inventory
/// when an organisation is known; ESC (one open = 2 requests, plus one revision lookup for its time) when an
/// environment is known; MCP configs. A missing token skips its service with a warning saying how to include it; a
/// malformed MCP config is a warning naming file and line. Other failures stop the comparison.
/// </summary>
public sealed class DriftCollector
{
    private readonly SecretCatalog _catalog;
    private readonly ProjectConfig _config;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly GitHubActionsMasker _masker;
    private readonly ISyncReporter _reporter;

    public DriftCollector(SecretCatalog catalog, ProjectConfig config, IReadOnlyDictionary<string, string> environment, GitHubActionsMasker masker, ISyncReporter reporter)
    {
        _catalog = catalog;
        _config = config;
        _environment = environment;
        _masker = masker;
        _reporter = reporter;
    }

    /// <summary>Collects the input of <see cref="DriftAnalyzer.Analyze"/>.</summary>
    public async Task<DriftInput> CollectAsync(DriftCollectOptions options, string currentDirectory, CancellationToken cancellationToken)
    {
        var collector = new SecretCollector(_catalog, _config, _environment, _masker, _reporter);
        var dotEnvFiles = options.DotEnvFiles ?? ExistingDefaultDotEnvFiles(collector, currentDirectory);
        var records = await collector.CollectAsync(new CollectOptions { Sources = SecretCollector.DefaultSources, DotEnvFiles = dotEnvFiles, IncludeCredentialsInUse = true, KeepShadowed = true, AdviseOnNames = false }, currentDirectory, cancellationToken).ConfigureAwait(false);

        var gitHub = await GitHubInventoryRead.CollectAsync(collector, _config, options, currentDirectory, _reporter, string.Empty, cancellationToken).ConfigureAwait(false);
        records.AddRange(gitHub ?? []);

        var environment = options.Environment ?? (_config.EscEnvironment is null ? null : collector.DefaultEnvironment());
        var esc = environment is null ? null : await CollectEscAsync(environment, options, cancellationToken).ConfigureAwait(false);
        if (environment is null)
        {
            _reporter.Verbose("Pulumi ESC not compared: pass -Environment or set \"escEnvironment\" in secretsync.json.");
        }

        records.AddRange(esc?.Records ?? []);
        var (pushedFromEsc, changedAfterPush) = DriftLedgerVerdicts.Of(_catalog, gitHub, esc, options.Organization ?? _config.GitHubOrganization);
        return new DriftInput(_catalog)
        {
            Records = records,
            DotEnvFileCount = dotEnvFiles.Count,
            DotEnvDialectDifferences = CompareDialects(dotEnvFiles),
            GitHubRead = gitHub is not null,
            EscRead = esc is not null,
            EscRevision = esc?.Revision,
            EscRevisionCreatedAt = esc?.Created,
            PushedFromEsc = pushedFromEsc,
            ChangedInGitHubAfterPush = changedAfterPush,
            AgeCutoff = options.AgeCutoff,
            EscUnchangedSince = esc?.UnchangedSince ?? new Dictionary<string, DateTimeOffset>(),
            McpReferences = ReadMcpReferences(options.McpConfigs ?? _config.McpConfigs.Where(File.Exists).ToList()),
            RequestedNames = options.RequestedNames,
            NameFilter = options.NameFilter,
            Patterns = _config.Patterns,
        };
    }

    /// <summary>The keys each .env file's two dialects read differently; the files were read (python-dotenv) just before.</summary>
    private List<DotEnvDialectDifference> CompareDialects(IReadOnlyList<string> dotEnvFiles)
    {
        var lookup = new Func<string, string?>(name => _environment.TryGetValue(name, out var value) ? value : null);
        var differences = new List<DotEnvDialectDifference>();
        foreach (var file in dotEnvFiles)
        {
            var comparison = DotEnvDialectComparison.CompareFile(file, lookup);
            if (comparison.DotNetEnvError is { } error)
            {
                _reporter.Verbose($"{error.FilePath}:{error.Line}:{error.Column}: DotNetEnv 3.0.0 rejects this file; its keys are DialectMismatch.");
            }

            differences.AddRange(comparison.Differences);
        }

        return differences;
    }

    private IReadOnlyList<string> ExistingDefaultDotEnvFiles(SecretCollector collector, string currentDirectory)
    {
        var files = collector.DefaultDotEnvFiles(currentDirectory);
        foreach (var missing in files.Where(f => !File.Exists(f)))
        {
            _reporter.Warning($"{missing} (envFiles of secretsync.json) does not exist, so nothing local is compared with it. Create it from ESC: Get-SophiaSecret -Source Esc | Export-SophiaSecret -Format DotEnv");
        }

        return files.Where(File.Exists).ToList();
    }

    private async Task<EscSnapshot?> CollectEscAsync(EnvironmentRef environment, DriftCollectOptions options, CancellationToken cancellationToken)
    {
        ServiceEndpoint endpoint;
        try
        {
            endpoint = EndpointResolver.Esc(options.EscToken, name => _environment.TryGetValue(name, out var value) ? value : null);
        }
        catch (MissingCredentialException e)
        {
            _reporter.Warning($"Pulumi ESC environment {environment} was not compared. {e.Message}");
            return null;
        }

        var client = new EscClient(endpoint, _reporter);
        _reporter.Verbose($"Opening ESC environment {environment} at {client.Host}.");
        var escCollector = new EscCollector(client, _catalog, new SecretRecordFactory(_catalog, _masker), _reporter);
        var (records, revision, ledger) = await escCollector.CollectWithRevisionAsync(environment, cancellationToken).ConfigureAwait(false);

        // The revision that was opened, not whatever is newest by now: Stale compares GitHub with what was read.
        var listed = await client.ListRevisionsAsync(environment, revision + 1, 1, cancellationToken).ConfigureAwait(false);
        var current = listed.FirstOrDefault(r => revision is null || r.Number == revision);
        var unchanged = options.AgeCutoff is { } cutoff && (revision ?? current?.Number) is { } opened
            ? await UnchangedSinceAsync(client, escCollector, environment, opened, records, cutoff, cancellationToken).ConfigureAwait(false)
            : null;
        return new EscSnapshot(records, revision ?? current?.Number, current?.Created, ledger, unchanged);
    }

    /// <summary>
    /// The ESC secrets whose value has not changed since <paramref name="cutoff"/>. ESC's revision list says when each
    /// revision was written, not which keys it changed, and opening every revision would cost two requests each. The
    /// newest revision written before the cut-off is enough: a value that is the same there (by fingerprint) as in
    /// <paramref name="opened"/> was last changed before the cut-off. Cost: one listing page per 100 revisions
    /// written since the cut-off, and one open of that revision (2 requests), whatever the number of secrets.
    /// </summary>
    private async Task<Dictionary<string, DateTimeOffset>> UnchangedSinceAsync(EscClient client, EscCollector escCollector, EnvironmentRef environment, long opened, List<SecretRecord> records, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        const int PageSize = 100;
        var unchanged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        EscRevisionInfo? before;
        var next = opened + 1;
        while (true)
        {
            var page = await client.ListRevisionsAsync(environment, next, PageSize, cancellationToken).ConfigureAwait(false);
            before = page.FirstOrDefault(r => r.Created is { } created && created <= cutoff);
            if (before is not null || page.Count < PageSize)
            {
                break;
            }

            next = page.Min(r => r.Number);
        }

        if (before is null)
        {
            _reporter.Verbose($"Every revision of {environment} was written after {cutoff:u}: no ESC value is older than -MaxAge.");
            return unchanged;
        }

        var then = before.Number == opened ? records : await escCollector.CollectAtRevisionAsync(environment, before.Number, cancellationToken).ConfigureAwait(false);
        var fingerprints = then.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Fingerprint, StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Fingerprint is not null && fingerprints.TryGetValue(record.Name, out var old) && old == record.Fingerprint)
            {
                unchanged[record.Name] = before.Created!.Value;
            }
        }

        _reporter.Verbose($"{unchanged.Count} ESC value(s) of {environment} are unchanged since revision {before.Number} ({before.Created:u}), the newest before {cutoff:u}.");
        return unchanged;
    }

    private List<McpNameReference> ReadMcpReferences(IReadOnlyList<string> files)
    {
        var references = new List<McpNameReference>();
        foreach (var file in files)
        {
            try
            {
                references.AddRange(McpReferenceReader.Read(file));
                _reporter.Verbose($"Read the references of {file}.");
            }
            catch (FileParseException e)
            {
                _reporter.Warning($"{e.Message} Its references were not compared.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _reporter.Warning($"{file} could not be read ({e.Message}); its references were not compared.");
            }
        }

        return references;
    }
}
