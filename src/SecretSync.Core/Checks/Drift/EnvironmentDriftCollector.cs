using Newtonsoft.Json.Linq;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// Reads what Compare needs across environments: each environment opened once (3 requests) plus its revision's time
/// (1), at most <c>throttleLimit</c> at a time, and GitHub's inventory (names and dates) when an organisation is
/// known. ESC's open merges imports, and each evaluated value's trace names the environment that defined it, so a
/// value from the shared base is told apart from one the environment sets itself. An environment that cannot be
/// read is reported on its snapshot; the others are compared all the same.
/// </summary>
public sealed class EnvironmentDriftCollector
{
    private readonly SecretCatalog _catalog;
    private readonly ProjectConfig _config;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly GitHubActionsMasker _masker;
    private readonly ISyncReporter _reporter;

    public EnvironmentDriftCollector(SecretCatalog catalog, ProjectConfig config, IReadOnlyDictionary<string, string> environment, GitHubActionsMasker masker, ISyncReporter reporter)
    {
        (_catalog, _config, _environment, _masker, _reporter) = (catalog, config, environment, masker, reporter);
    }

    /// <summary>One snapshot per target (in order) and GitHub's updated_at per secret name (null when GitHub was not read).</summary>
    public async Task<(IReadOnlyList<EnvironmentSnapshot> Snapshots, IReadOnlyDictionary<string, DateTimeOffset>? GitHubUpdated)> CollectAsync(
        IReadOnlyList<EnvironmentTarget> targets, DriftCollectOptions options, string currentDirectory, int throttleLimit, CancellationToken cancellationToken)
    {
        var endpoint = EndpointResolver.Esc(options.EscToken, name => _environment.TryGetValue(name, out var value) ? value : null);
        var factory = new SecretRecordFactory(_catalog, _masker);
        using var gate = new SemaphoreSlim(Math.Max(1, throttleLimit));
        var reads = targets.Select(async target =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ReadAsync(new EscClient(endpoint, _reporter), factory, target, cancellationToken).ConfigureAwait(false);
            }
            catch (SecretSyncException e)
            {
                return new EnvironmentSnapshot(target, new Dictionary<string, (string, bool)>(), null, e.Message);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var snapshots = await Task.WhenAll(reads).ConfigureAwait(false);
        return (snapshots, await GitHubUpdatedAsync(options, currentDirectory, cancellationToken).ConfigureAwait(false));
    }

    private async Task<EnvironmentSnapshot> ReadAsync(EscClient client, SecretRecordFactory factory, EnvironmentTarget target, CancellationToken cancellationToken)
    {
        var (opened, revision) = await client.OpenAsync(target.Esc, cancellationToken).ConfigureAwait(false);
        var import = EnvironmentTargets.RequiredImport(_config, target);
        var secrets = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        var variables = (opened["properties"]?["environmentVariables"]?["value"] as JObject)?.Properties() ?? [];
        foreach (var variable in variables)
        {
            if (variable.Value["secret"]?.Value<bool>() == true && variable.Value["value"] is JValue { Type: JTokenType.String } text)
            {
                // The factory masks the value in GitHub Actions before anything else happens with it.
                var record = factory.WithValue(variable.Name, SecretSource.Esc, "esc:" + target.Esc, (string)text!);
                var definedIn = (string?)(variable.Value["trace"]?["def"]?["environment"] as JValue);
                secrets[variable.Name] = (record.Fingerprint!, import is not null && definedIn == import);
            }
        }

        var listed = revision is { } number ? await client.ListRevisionsAsync(target.Esc, number + 1, 1, cancellationToken).ConfigureAwait(false) : [];
        _reporter.Verbose($"Read {secrets.Count} secrets of {target} at revision {revision}.");
        return new EnvironmentSnapshot(target, secrets, listed.FirstOrDefault(r => r.Number == revision)?.Created);
    }

    private async Task<IReadOnlyDictionary<string, DateTimeOffset>?> GitHubUpdatedAsync(DriftCollectOptions options, string currentDirectory, CancellationToken cancellationToken)
    {
        var collector = new SecretCollector(_catalog, _config, _environment, _masker, _reporter);
        var records = await GitHubInventoryRead.CollectAsync(collector, _config, options, currentDirectory, _reporter, ", so nothing is reported Stale", cancellationToken).ConfigureAwait(false);
        return records?.Where(r => r.UpdatedAt is not null)
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().UpdatedAt!.Value, StringComparer.Ordinal);
    }
}
