using System.Collections.Concurrent;
using Octokit;
using SecretSync.Core.Stores.GitHub.Crypto;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Writes organisation Actions secrets: one public-key request per call, sealed boxes made locally, PUTs with
/// bounded concurrency and pacing, retries on rate limits. A new secret is private unless told otherwise (as gh and
/// the GitHub UI default). An update keeps the secret's visibility and every selected repository unless told
/// otherwise: GitHub clears the list when a PUT omits selected_repository_ids (github-api §1.1), so the list is
/// read whole, page by page, and sent back. A push whose value and
/// updated_at match the ledger is skipped. One failed secret does not stop the others.
/// </summary>
internal sealed class GitHubSecretWriter
{
    private readonly ServiceEndpoint _endpoint;
    private readonly GitHubWritePacer _pacer;
    private readonly int _throttleLimit;
    private readonly ISyncReporter _reporter;
    private readonly GitHubRetry _retry;
    private readonly GitHubClient _client;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Task<long>> _repositoryIds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The visibility of a new secret when none is asked for: gh's and the GitHub UI's default.</summary>
    public const string DefaultVisibility = "private";

    /// <param name="endpoint">GitHub's address and token.</param>
    /// <param name="pacer">Keeps the writes inside GitHub's secondary limits.</param>
    /// <param name="throttleLimit">Writes in flight at once.</param>
    /// <param name="reporter">Progress, warnings and retries.</param>
    /// <param name="clock">Time for retry waits and the ledger's push times; tests pass a fake so a rate-limit wait takes no time.</param>
    public GitHubSecretWriter(ServiceEndpoint endpoint, GitHubWritePacer pacer, int throttleLimit, ISyncReporter reporter, TimeProvider? clock = null)
    {
        _endpoint = endpoint;
        _pacer = pacer;
        _throttleLimit = Math.Max(1, throttleLimit);
        _reporter = reporter;
        _clock = clock ?? TimeProvider.System;
        _retry = new GitHubRetry(reporter, clock: _clock);
        _client = GitHubClientFactory.Create(endpoint);
    }

    /// <summary>Pushes <paramref name="requests"/> to <paramref name="organization"/>; with <paramref name="whatIf"/> only says what it would do. <paramref name="beforeWrite"/> is called with the secrets about to be written, before the first write (the ledger marks them pending).</summary>
    public async Task<List<GitHubPushOutcome>> PushAsync(string organization, IReadOnlyList<GitHubPushRequest> requests, GitHubPushLedger? ledger, bool whatIf, CancellationToken cancellationToken, Func<IReadOnlyList<GitHubPushRequest>, CancellationToken, Task>? beforeWrite = null)
    {
        // The activity names no count: only the secrets that change are written, and the status counts those.
        var activity = $"Pushing secrets to GitHub organisation {organization}";
        _reporter.Progress(activity, "Listing existing secrets", 0);
        var existing = await ListAsync(organization, cancellationToken).ConfigureAwait(false);
        var outcomes = new GitHubPushOutcome[requests.Count];
        var toPush = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            existing.TryGetValue(request.GitHubName, out var current);
            var last = ledger?.LastPush(organization, request.GitHubName);
            // A pending push (started, never recorded as done) is unknown: pushed again, without an alarm.
            var changedInGitHub = current is not null && last is { IsPending: false } && current.UpdatedAt != last.UpdatedAt;
            if (changedInGitHub)
            {
                _reporter.Warning($"{request.GitHubName} was changed in GitHub organisation {organization} after SecretSync last pushed it (at {current!.UpdatedAt:u}).");
            }

            var sameValue = ledger is not null && ledger.HoldsValue(organization, request.GitHubName, request.EscPath, request.Value);
            var sameSharing = request.Visibility is null || (current is not null && string.Equals(request.Visibility, current.Visibility, StringComparison.OrdinalIgnoreCase) && request.SelectedRepositories is null);
            if (current is not null && sameValue && !changedInGitHub && sameSharing)
            {
                outcomes[i] = new GitHubPushOutcome(request, "Unchanged", current.UpdatedAt, false, null);
            }
            else if (whatIf)
            {
                outcomes[i] = new GitHubPushOutcome(request, current is null ? "WouldCreate" : "WouldUpdate", current?.UpdatedAt, changedInGitHub, null);
            }
            else
            {
                outcomes[i] = new GitHubPushOutcome(request, current is null ? "Created" : "Updated", null, changedInGitHub, null);
                toPush.Add(i);
            }
        }

        if (toPush.Count > 0)
        {
            if (beforeWrite is not null)
            {
                await beforeWrite(toPush.Select(i => requests[i]).ToList(), cancellationToken).ConfigureAwait(false);
            }

            var key = await CallAsync(t => _client.Organization.Actions.Secrets.GetPublicKey(organization), $"organisation {organization}'s public key", cancellationToken).ConfigureAwait(false);
            var done = 0;
            using var slots = new SemaphoreSlim(_throttleLimit);
            await Task.WhenAll(toPush.Select(async i =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    outcomes[i] = await PushOneAsync(organization, requests[i], existing, key, outcomes[i], cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                    var count = Interlocked.Increment(ref done);
                    _reporter.Progress(activity, $"{count} of {toPush.Count} to write{Unchanged(requests.Count - toPush.Count)}: {requests[i].GitHubName}", count * 100 / toPush.Count);
                }
            })).ConfigureAwait(false);

            // GitHub's PUT answers with no body: read the new updated_at in one listing, for the output and the ledger.
            var after = await ListAsync(organization, cancellationToken).ConfigureAwait(false);
            foreach (var i in toPush.Where(i => outcomes[i].Error is null))
            {
                after.TryGetValue(requests[i].GitHubName, out var pushed);
                outcomes[i] = new GitHubPushOutcome(requests[i], outcomes[i].Action, pushed?.UpdatedAt, outcomes[i].ChangedInGitHub, null);
                if (pushed?.UpdatedAt is { } updatedAt)
                {
                    ledger?.Record(organization, requests[i].GitHubName, requests[i].EscPath, requests[i].Value, updatedAt, _clock.GetUtcNow());
                }
            }
        }

        _reporter.Progress(activity, "Done", 100, completed: true);
        return outcomes.ToList();
    }

    private static string Unchanged(int count) => count == 0 ? string.Empty : $" ({count} unchanged)";

    private async Task<GitHubPushOutcome> PushOneAsync(string organization, GitHubPushRequest request, Dictionary<string, OrganizationSecret> existing, SecretsPublicKey key, GitHubPushOutcome planned, CancellationToken cancellationToken)
    {
        try
        {
            existing.TryGetValue(request.GitHubName, out var current);
            var visibility = request.Visibility ?? current?.Visibility ?? DefaultVisibility;
            IEnumerable<long>? repositoryIds = null;
            if (string.Equals(visibility, "selected", StringComparison.OrdinalIgnoreCase))
            {
                repositoryIds = request.SelectedRepositories is { } names
                    ? await Task.WhenAll(names.Select(n => RepositoryIdAsync(organization, n, cancellationToken))).ConfigureAwait(false)
                    : current is null ? [] : await SelectedRepositoryIdsAsync(organization, request.GitHubName, cancellationToken).ConfigureAwait(false);
            }

            var sealedValue = SealedBox.SealToBase64(request.Value, key.Key);
            var body = new UpsertOrganizationSecret(sealedValue, key.KeyId, visibility.ToLowerInvariant(), repositoryIds);
            var uri = new Uri($"orgs/{Uri.EscapeDataString(organization)}/actions/secrets/{Uri.EscapeDataString(request.GitHubName)}", UriKind.Relative);
            await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            var status = await CallAsync(_ => _client.Connection.Put(uri, body), $"secret {request.GitHubName} of organisation {organization}", cancellationToken).ConfigureAwait(false);
            _reporter.Verbose($"{request.GitHubName}: {(int)status} from {_endpoint}.");
            return new GitHubPushOutcome(request, status == HttpStatusCode.Created ? "Created" : "Updated", null, planned.ChangedInGitHub, null);
        }
        catch (SecretSyncException e)
        {
            return new GitHubPushOutcome(request, "Failed", null, planned.ChangedInGitHub, e);
        }
    }

    private async Task<Dictionary<string, OrganizationSecret>> ListAsync(string organization, CancellationToken cancellationToken)
    {
        var api = new ApiConnection(_client.Connection);
        var pages = await _retry.AllAsync<OrganizationSecretsCollection>(
            api, _endpoint, $"orgs/{Uri.EscapeDataString(organization)}/actions/secrets", $"organisation {organization}'s Actions secrets", cancellationToken).ConfigureAwait(false);
        return pages.SelectMany(p => p.Secrets).ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    // Every page: GetSelectedRepositoriesForSecret reads only the first 30, and what is not sent back loses access.
    private async Task<long[]> SelectedRepositoryIdsAsync(string organization, string gitHubName, CancellationToken cancellationToken)
    {
        var api = new ApiConnection(_client.Connection);
        var path = $"orgs/{Uri.EscapeDataString(organization)}/actions/secrets/{Uri.EscapeDataString(gitHubName)}/repositories";
        var pages = await _retry.AllAsync<OrganizationSecretRepositoryCollection>(api, _endpoint, path, $"the repositories of secret {gitHubName}", cancellationToken).ConfigureAwait(false);
        var total = pages.Count == 0 ? 0 : pages[0].Count;
        var ids = pages.SelectMany(p => p.Repositories).Select(r => r.Id).Distinct().ToArray();
        if (ids.Length < total)
        {
            // Writing back a partial list would silently take access away from the rest.
            throw new SecretSyncException($"GitHub listed {ids.Length} of the {total} repositories that secret {gitHubName} is shared with; nothing was written, so none loses access. Try again.");
        }

        return ids;
    }

    private Task<long> RepositoryIdAsync(string organization, string name, CancellationToken cancellationToken) =>
        _repositoryIds.GetOrAdd(name, n =>
        {
            var parts = n.Split('/');
            var (owner, repo) = parts.Length == 2 ? (parts[0], parts[1]) : (organization, n);
            return CallAsync(async _ => (await _client.Repository.Get(owner, repo).ConfigureAwait(false)).Id, $"repository {owner}/{repo}", cancellationToken);
        });

    private Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken) =>
        _retry.CallAsync(call, _endpoint, what, cancellationToken);
}
