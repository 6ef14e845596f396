namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// One Set-SophiaSecret push to an organisation: load the push ledger from ESC (when there is one), mark the
/// secrets about to be written as pending in it, write them, and record the pushes. A push whose end cannot be
/// recorded stays pending, which the next run reads as unknown (pushed again, no alarm), and is reported per secret
/// as pushed but not recorded rather than failing the whole call.
/// </summary>
public sealed class GitHubPushService
{
    private readonly GitHubSecretWriter _writer;
    private readonly GitHubPushLedgerStore? _ledgerStore;
    private readonly ISyncReporter _reporter;

    public GitHubPushService(ServiceEndpoint gitHub, GitHubPushLedgerStore? ledgerStore, GitHubWritePacer pacer, int throttleLimit, ISyncReporter reporter)
    {
        _writer = new GitHubSecretWriter(gitHub, pacer, throttleLimit, reporter);
        _ledgerStore = ledgerStore;
        _reporter = reporter;
    }

    /// <summary>Pushes <paramref name="requests"/>; with <paramref name="whatIf"/> reports what it would do and writes nothing.</summary>
    public async Task<List<GitHubPushOutcome>> PushAsync(string organization, IReadOnlyList<GitHubPushRequest> requests, bool whatIf, CancellationToken cancellationToken)
    {
        if (_ledgerStore is null)
        {
            _reporter.Verbose("No ESC environment: SecretSync cannot remember what it pushed, so every secret is written.");
        }

        var ledger = _ledgerStore is null ? null : await _ledgerStore.LoadAsync(cancellationToken).ConfigureAwait(false);
        var beforeWrite = ledger is null || whatIf ? null : new Func<IReadOnlyList<GitHubPushRequest>, CancellationToken, Task>((toWrite, token) => MarkPendingAsync(organization, ledger, toWrite, token));
        var outcomes = await _writer.PushAsync(organization, requests, ledger, whatIf, cancellationToken, beforeWrite).ConfigureAwait(false);
        var written = outcomes.Where(o => o.WasWritten).ToList();
        if (ledger is null || written.Count == 0)
        {
            return outcomes;
        }

        try
        {
            await _ledgerStore!.SaveAsync(ledger, cancellationToken).ConfigureAwait(false);
            written.ForEach(o => o.SetRecorded(true, null));
        }
        catch (SecretSyncException e)
        {
            var failure = new PushNotRecordedException(_ledgerStore!.Environment.ToString(), written.Select(o => o.Request.Name).ToList(), e);
            written.ForEach(o => o.SetRecorded(false, failure));
        }

        return outcomes;
    }

    // Written before GitHub is, so a run that dies between the two leaves "unknown", never a stale "pushed".
    private async Task MarkPendingAsync(string organization, GitHubPushLedger ledger, IReadOnlyList<GitHubPushRequest> toWrite, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var request in toWrite)
        {
            ledger.MarkPending(organization, request.GitHubName, now);
        }

        try
        {
            await _ledgerStore!.SaveAsync(ledger, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretSyncException e)
        {
            throw new PushLedgerUnavailableException(_ledgerStore!.Environment.ToString(), e);
        }
    }
}
