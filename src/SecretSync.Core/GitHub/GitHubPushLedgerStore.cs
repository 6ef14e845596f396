using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using SecretSync.Core.Esc;
using SecretSync.Core.Http;

namespace SecretSync.Core.GitHub;

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

    /// <summary>The stored ledger (a new one when there is none); null when the environment does not exist.</summary>
    public async Task<GitHubPushLedger?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return GitHubPushLedger.Parse(await ReadAsync(await _client.GetDefinitionAsync(_environment, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));
        }
        catch (ServiceNotFoundException)
        {
            _reporter.Warning($"ESC environment {_environment} does not exist, so SecretSync cannot remember what it pushed: every secret is written.");
            return null;
        }
    }

    /// <summary>Writes <paramref name="ledger"/> as one revision; a concurrent writer's pushes are merged in, not lost.</summary>
    public async Task SaveAsync(GitHubPushLedger ledger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var definition = await _client.GetDefinitionAsync(_environment, cancellationToken).ConfigureAwait(false);
            ledger.MergeMissingFrom(GitHubPushLedger.Parse(await ReadAsync(definition, cancellationToken).ConfigureAwait(false)));
            var text = EscBookkeeping.SetSecret(definition.Yaml, EscBookkeeping.GitHubPushesKey, ledger.Serialize());
            try
            {
                var revision = await _client.UpdateDefinitionAsync(_environment, text, definition.ETag, cancellationToken).ConfigureAwait(false);
                _reporter.Verbose($"Recorded the GitHub pushes in {_environment} revision {revision}.");
                return;
            }
            catch (EscConflictException) when (attempt < Sync.EscSyncService.MaxAttempts)
            {
                _reporter.Verbose($"{_environment} changed while recording the GitHub pushes (409); reading it again.");
            }
        }
    }

    private async Task<string?> ReadAsync(EscDefinition definition, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(definition.Yaml))
        {
            return null;
        }

        var evaluated = EscEvaluatedEnvironment.FromProperties((await _client.CheckAsync(_environment, definition.Yaml, showSecrets: true, cancellationToken).ConfigureAwait(false))["properties"] as JObject ?? []);
        return evaluated.Find(EscBookkeeping.PathOf(EscBookkeeping.GitHubPushesKey))?.StringValue;
    }
}
