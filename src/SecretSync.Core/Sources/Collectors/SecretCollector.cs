using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// The first half of the seed's ONE script: gathers records from the chosen sources in a fixed order
/// (Environment, DotEnv, GitHub, Esc) with the defaults of secretsync.json. The environment wins over .env (see
/// <see cref="EnvironmentPrecedence"/>), and a name that looks like a typo of a catalogued one is pointed out.
/// </summary>
public sealed class SecretCollector
{
    /// <summary>The sources read when none are named.</summary>
    public static readonly IReadOnlyCollection<SecretSource> DefaultSources = [SecretSource.Environment, SecretSource.DotEnv];

    private readonly SecretCatalog _catalog;
    private readonly ProjectConfig _config;
    private readonly ISyncReporter _reporter;
    private readonly SecretRecordFactory _factory;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly bool _inWorkflowRun;

    /// <param name="catalog">The merged catalog.</param>
    /// <param name="config">secretsync.json (or <see cref="ProjectConfig.Empty"/>).</param>
    /// <param name="environment">A snapshot of the process environment.</param>
    /// <param name="masker">Masks values in GitHub Actions as they are read.</param>
    /// <param name="reporter">Verbose and progress messages.</param>
    public SecretCollector(SecretCatalog catalog, ProjectConfig config, IReadOnlyDictionary<string, string> environment, GitHubActionsMasker masker, ISyncReporter reporter)
    {
        _catalog = catalog;
        _config = config;
        _environment = environment;
        _reporter = reporter;
        _factory = new SecretRecordFactory(catalog, masker);
        _inWorkflowRun = masker.Enabled;
    }

    /// <summary>The .env files to read when none are named: secretsync.json envFiles, else ./.env if it exists.</summary>
    public IReadOnlyList<string> DefaultDotEnvFiles(string currentDirectory)
    {
        if (_config.EnvFiles.Count > 0)
        {
            return _config.EnvFiles;
        }

        var local = Path.Combine(currentDirectory, ".env");
        return File.Exists(local) ? [local] : [];
    }

    /// <summary>Collects from every requested source; any failure stops the whole collection.</summary>
    public async Task<List<SecretRecord>> CollectAsync(CollectOptions options, string currentDirectory, CancellationToken cancellationToken)
    {
        var sources = options.Sources ?? DefaultSources;
        var filter = options.NameFilter ?? (_ => true);
        bool Keep(SecretRecord r) => filter(r.Name) || (r.EscPath is { } path && filter(path));
        var records = new List<SecretRecord>();
        var lookup = new Func<string, string?>(name => _environment.TryGetValue(name, out var value) ? value : null);

        if (sources.Contains(SecretSource.Environment))
        {
            _reporter.Verbose("Collecting from the process environment.");
            var collected = new EnvironmentCollector(_catalog, _factory, _reporter).Collect(_environment, _config.Patterns.Concat(EnvironmentTargets.SourceNames(_config, _catalog)).ToList(), options.All, _inWorkflowRun).Where(Keep);
            records.AddRange(options.IncludeCredentialsInUse ? collected : CredentialsInUse.Skip(collected, options.NamedExactly, _inWorkflowRun, _reporter));
        }

        if (sources.Contains(SecretSource.DotEnv))
        {
            var collector = new DotEnvCollector(_factory, lookup, new DotEnvKeySelector(_catalog, _config.Patterns, options.NameFilter), _reporter);
            foreach (var file in options.DotEnvFiles ?? DefaultDotEnvFiles(currentDirectory))
            {
                _reporter.Verbose($"Collecting from {file} ({options.Dialect}).");
                records.AddRange(collector.Collect(file, options.Dialect).Where(Keep));
            }
        }

        if (!options.KeepShadowed)
        {
            records = EnvironmentPrecedence.Apply(records, _reporter);
        }

        if (sources.Contains(SecretSource.GitHub))
        {
            var organization = options.Organization ?? _config.GitHubOrganization
                ?? throw new SecretSyncException("GitHub needs an organisation: pass -Organization or set \"githubOrganization\" in secretsync.json.");
            var endpoint = EndpointResolver.GitHub(options.GitHubToken, lookup);
            _reporter.Verbose($"Listing the Actions secrets of organisation {organization} at {endpoint.Host}.");
            records.AddRange((await new GitHubCollector(endpoint, _catalog, _factory, _reporter).CollectAsync(organization, cancellationToken).ConfigureAwait(false)).Where(Keep));
        }

        if (sources.Contains(SecretSource.Esc))
        {
            var client = new EscClient(EndpointResolver.Esc(options.EscToken, lookup), _reporter);
            foreach (var environment in options.Environments ?? [options.Environment ?? DefaultEnvironment()])
            {
                _reporter.Verbose($"Opening ESC environment {environment} at {client.Host}.");
                records.AddRange((await new EscCollector(client, _catalog, _factory, _reporter) { IncludeNonSecret = options.IncludeNonSecret }.CollectAsync(environment, cancellationToken).ConfigureAwait(false)).Where(Keep));
            }
        }

        if (options.AdviseOnNames)
        {
            WarnAboutLikelyTypos(records);
        }

        return records;
    }

    // Once per name: a typo in .env or a variable is otherwise synced as a new secret nobody reads.
    private void WarnAboutLikelyTypos(List<SecretRecord> records)
    {
        foreach (var record in records.Where(r => !r.IsCataloged).GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.First()))
        {
            if (NameAdvice.LikelyTypoOf(record.Name, _catalog) is { } meant)
            {
                _reporter.Warning($"{record.Name} ({record.Origin}) is not in the catalog; did you mean {meant}? Rename it where it is set, or if it is another secret, add {{ \"name\": \"{record.Name}\" }} to \"secrets\" in secretsync.json.");
            }
        }
    }

    /// <summary>secretsync.json's escEnvironment; throws when there is none.</summary>
    public EnvironmentRef DefaultEnvironment() => DefaultEnvironment(_config);

    /// <summary><paramref name="config"/>'s escEnvironment; throws when there is none or it is malformed.</summary>
    public static EnvironmentRef DefaultEnvironment(ProjectConfig config)
    {
        if (config.EscEnvironment is not { } configured)
        {
            throw new SecretSyncException("Pulumi ESC needs an environment: pass -Environment org/[project/]env or set \"escEnvironment\" in secretsync.json.");
        }

        try
        {
            return EnvironmentRef.Parse(configured);
        }
        catch (ArgumentException e)
        {
            throw new SecretSyncException($"{config.FilePath}: \"escEnvironment\" {e.Message}", e);
        }
    }
}
