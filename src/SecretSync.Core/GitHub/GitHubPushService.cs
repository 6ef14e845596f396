using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretSync.Core.Credentials;

namespace SecretSync.Core.GitHub;

/// <summary>
/// One Set-SophiaSecret push to an organisation: load the push ledger from ESC (when there is one), write what
/// changed, and record the new pushes as one ESC revision.
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
        var outcomes = await _writer.PushAsync(organization, requests, ledger, whatIf, cancellationToken).ConfigureAwait(false);
        if (!whatIf && ledger is not null && outcomes.Any(o => o.Action is "Created" or "Updated"))
        {
            await _ledgerStore!.SaveAsync(ledger, cancellationToken).ConfigureAwait(false);
        }

        return outcomes;
    }
}
