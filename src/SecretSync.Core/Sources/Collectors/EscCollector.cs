using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// Opens an ESC environment once (2 requests) and returns every secret under <c>values</c>. A secret at
/// <c>linear.linear_api_key</c> is LINEAR_API_KEY (catalog path, else the convention's service.name_lower);
/// secrets set directly under <c>environmentVariables</c> (as Pulumi's exporter writes them) keep their variable name.
/// </summary>
internal sealed class EscCollector
{
    /// <summary>Top-level keys under <c>values</c> that hold no secrets of their own: ESC's reserved ones and SecretSync's bookkeeping.</summary>
    public static readonly IReadOnlyCollection<string> ReservedKeys = ["environmentVariables", "files", "pulumiConfig", EscOwnership.SectionKey];

    private readonly EscClient _client;
    private readonly SecretCatalog _catalog;
    private readonly SecretRecordFactory _factory;
    private readonly ISyncReporter _reporter;

    public EscCollector(EscClient client, SecretCatalog catalog, SecretRecordFactory factory, ISyncReporter reporter)
    {
        _client = client;
        _catalog = catalog;
        _factory = factory;
        _reporter = reporter;
    }

    /// <summary>Also return the environment variables not marked secret (IsSecret false).</summary>
    public bool IncludeNonSecret { get; init; }

    /// <summary>The secrets of <paramref name="environment"/>.</summary>
    public async Task<List<SecretRecord>> CollectAsync(EnvironmentRef environment, CancellationToken cancellationToken) =>
        (await CollectWithRevisionAsync(environment, cancellationToken).ConfigureAwait(false)).Records;

    /// <summary>
    /// The secrets of <paramref name="environment"/>, the revision they were opened at (null when ESC did not say) and
    /// SecretSync's ledger of GitHub pushes kept there (null when there is none).
    /// </summary>
    public async Task<(List<SecretRecord> Records, long? Revision, GitHubPushLedger? PushLedger)> CollectWithRevisionAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        var (opened, revision) = await _client.OpenAsync(environment, cancellationToken).ConfigureAwait(false);
        var origin = "esc:" + environment + (revision is null ? string.Empty : "@" + revision);
        var (records, properties) = Read(opened, origin, verbose: true);
        var ledger = properties[EscOwnership.SectionKey]?["value"]?[EscBookkeeping.GitHubPushesKey]?["value"] is JValue { Type: JTokenType.String } json
            ? GitHubPushLedger.Parse((string)json!)
            : null;
        return (records, revision, ledger);
    }

    /// <summary>The secrets of an earlier <paramref name="revision"/> of <paramref name="environment"/> (one open: 2 requests), to learn which values changed since.</summary>
    public async Task<List<SecretRecord>> CollectAtRevisionAsync(EnvironmentRef environment, long revision, CancellationToken cancellationToken)
    {
        var opened = await _client.OpenRevisionAsync(environment, revision, cancellationToken).ConfigureAwait(false);
        return Read(opened, $"esc:{environment}@{revision}", verbose: false).Records;
    }

    private (List<SecretRecord> Records, JObject Properties) Read(JObject opened, string origin, bool verbose)
    {
        var properties = opened["properties"] as JObject ?? [];
        var records = new List<SecretRecord>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var unnamed = new List<(string Path, string Value)>();

        foreach (var (path, value) in EscSecretLeaves.Of(properties))
        {
            if (NameOf(path) is not { } name)
            {
                unnamed.Add((path, value));
            }
            else if (names.Add(name))
            {
                records.Add(_factory.WithValue(name, SecretSource.Esc, origin, value, path));
            }
        }

        // What ESC exports is returned under its own name, whatever that name is: dropping it would hide a value
        // the environment hands to every process it runs.
        var exported = new HashSet<string>(StringComparer.Ordinal);
        var variables = (properties["environmentVariables"]?["value"] as JObject)?.Properties() ?? [];
        foreach (var variable in variables)
        {
            var isSecret = variable.Value["secret"]?.Value<bool>() == true;
            if ((isSecret || IncludeNonSecret) && variable.Value["value"] is JValue { Type: JTokenType.String } text && names.Add(variable.Name))
            {
                if (verbose && isSecret && !SecretNameRules.Check(variable.Name).IsValid)
                {
                    _reporter.Warning($"{origin}: the exported secret {variable.Name} breaks the SERVICE_CREDENTIAL_TYPE naming rule; returned as it is. Rename it to sync it to GitHub.");
                }

                exported.Add((string)text!);
                records.Add(_factory.WithValue(variable.Name, SecretSource.Esc, origin, (string)text!, "environmentVariables." + variable.Name, isSecret));
            }
        }

        foreach (var (path, value) in unnamed.Where(u => !exported.Contains(u.Value)))
        {
            var name = path.Substring(path.LastIndexOf('.') + 1).ToUpperInvariant();
            if (verbose)
            {
                _reporter.Warning($"{origin}: the secret at {path} has no SERVICE_CREDENTIAL_TYPE name; returned as {name}. Add a catalog entry with its escPath, or export it under environmentVariables with a conventional name.");
            }

            if (names.Add(name))
            {
                records.Add(_factory.WithValue(name, SecretSource.Esc, origin, value, path));
            }
        }

        return (records, properties);
    }

    private string? NameOf(string path)
    {
        var entry = _catalog.Entries.FirstOrDefault(e => e.EscPath == path);
        if (entry is not null)
        {
            return entry.Name;
        }

        var name = path.Substring(path.LastIndexOf('.') + 1).ToUpperInvariant();
        return SecretNameRules.Check(name).IsValid ? name : null;
    }
}
