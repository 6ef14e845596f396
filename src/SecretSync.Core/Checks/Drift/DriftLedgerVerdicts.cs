namespace SecretSync.Core.Checks.Drift;

/// <summary>Reads the GitHub push ledger for <see cref="DriftCollector"/>.</summary>
internal static class DriftLedgerVerdicts
{
    /// <summary>
    /// What the push ledger says of each GitHub secret. Pushed from ESC: the last push, recorded as done, gave GitHub
    /// ESC's value and GitHub has not changed the secret since; a rotation pushed from ESC is then not Stale, though
    /// GitHub's updated_at is later than the ESC revision. Changed after the push: GitHub's updated_at is later than
    /// the last recorded push, so someone changed it in GitHub since; that stays Stale, whatever ESC revisions come
    /// later, until a push is recorded again. A pending push (never recorded as done) says nothing.
    /// </summary>
    public static (HashSet<string> PushedFromEsc, Dictionary<string, DateTimeOffset> ChangedAfterPush) Of(SecretCatalog catalog, List<SecretRecord>? gitHub, EscSnapshot? esc, string? organization)
    {
        var pushedFromEsc = new HashSet<string>(StringComparer.Ordinal);
        var changedAfterPush = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (gitHub is null || esc?.PushLedger is not { } ledger || organization is null)
        {
            return (pushedFromEsc, changedAfterPush);
        }

        foreach (var record in gitHub)
        {
            var gitHubName = catalog.Find(record.Name)?.GitHubName ?? record.Name;
            if (ledger.LastPush(organization, gitHubName) is not { IsPending: false } push || record.UpdatedAt is not { } updatedAt)
            {
                continue;
            }

            if (updatedAt > push.UpdatedAt)
            {
                changedAfterPush[record.Name] = push.PushedAt;
            }
            else if (updatedAt == push.UpdatedAt && push.IsFromEsc)
            {
                pushedFromEsc.Add(record.Name);
            }
        }

        return (pushedFromEsc, changedAfterPush);
    }
}
