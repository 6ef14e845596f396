using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>Keeps the <see cref="GitHubPushLedger"/> as a secret in an ESC environment (values.secretSync.githubPushes).</summary>
public sealed class GitHubPushLedgerStore
{
    private readonly EscClient _client;
    private readonly EnvironmentRef _environment;
    private readonly ISyncReporter _reporter;

    public GitHubPushLedgerStore(EscClient client, EnvironmentRef environment, ISyncReporter reporter)
    {
        _client = client;
        _environment = environment;
        _reporter = reporter;
    }

    /// <summary>The environment the ledger is kept in.</summary>
    public EnvironmentRef Environment => _environment;

    /// <summary>
    /// The stored ledger (a new one when there is none), with the environment's values to tell a push of ESC's own
    /// value; null when the environment does not exist.
    /// </summary>
    public async Task<GitHubPushLedger?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (ledger, _) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (ledger.WasDiscarded)
            {
                _reporter.Warning($"The GitHub push ledger in {_environment} is of an older format or damaged and is not trusted: every secret is pushed once, and the next write replaces it.");
            }

            return ledger;
        }
        catch (ServiceNotFoundException)
        {
            _reporter.Warning($"ESC environment {_environment} does not exist, so SecretSync cannot remember what it pushed: every secret is written.");
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="ledger"/> as one revision. The PATCH carries the ETag it read; when another writer got
    /// there first, the ledger is read again, merged (pushes this run did not make are taken from the stored one)
    /// and written again, so concurrent runs keep each other's entries.
    /// </summary>
    public async Task SaveAsync(GitHubPushLedger ledger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (stored, definition) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            ledger.MergeFrom(stored);
            var text = EscBookkeeping.SetSecret(definition.Yaml, EscBookkeeping.GitHubPushesKey, ledger.Serialize());
            try
            {
                var revision = await _client.UpdateDefinitionAsync(_environment, text, definition.ETag, cancellationToken).ConfigureAwait(false);
                _reporter.Verbose($"Recorded the GitHub pushes in {_environment} revision {revision}.");
                return;
            }
            catch (EscConflictException) when (attempt < EscConflictRetry.MaxAttempts)
            {
                _reporter.Verbose($"{_environment} changed while recording the GitHub pushes (409); reading it again.");
            }
        }
    }

    private async Task<(GitHubPushLedger Ledger, EscDefinition Definition)> ReadAsync(CancellationToken cancellationToken)
    {
        var definition = await _client.GetDefinitionAsync(_environment, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(definition.Yaml))
        {
            return (GitHubPushLedger.CreateNew(), definition);
        }

        var evaluated = EscEvaluatedEnvironment.FromProperties((await _client.CheckAsync(_environment, definition.Yaml, showSecrets: true, cancellationToken).ConfigureAwait(false))["properties"] as JObject ?? []);
        var ledger = GitHubPushLedger.Parse(evaluated.Find(EscBookkeeping.PathOf(EscBookkeeping.GitHubPushesKey))?.StringValue);
        ledger.Esc = EscValueIdentities.Of(definition, evaluated);
        return (ledger, definition);
    }
}
