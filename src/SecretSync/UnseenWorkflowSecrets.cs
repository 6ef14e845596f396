using SecretSync.Core;
using SecretSync.Core.Records.Catalog;
using SecretSync.Core.Stores.GitHub.Workflow;

namespace SecretSync;

/// <summary>Start-SophiaSecretSync's warning about the catalogued secrets a run of the workflow cannot read.</summary>
internal static class UnseenWorkflowSecrets
{
    /// <summary>
    /// GitHub hands a run only the first 100 org secrets shared with the repository: say before the dispatch which
    /// catalogued secrets this run would receive empty and so never sync. A check that cannot be made is a warning
    /// too, never silence: the run may still be what the operator wants.
    /// </summary>
    public static async Task WarnAsync(WorkflowSecretVisibility visibility, SecretCatalog catalog, string owner, string name, ISyncReporter reporter, CancellationToken token)
    {
        WorkflowSecretShortfall shortfall;
        try
        {
            shortfall = await visibility.CheckAsync(owner, name, SyncWorkflowSecrets.GitHubNames(catalog), token).ConfigureAwait(false);
        }
        catch (SecretSyncException e)
        {
            reporter.Warning($"Could not check which organisation secrets a run of {owner}/{name} can read ({e.Message}); a run sees only the first {WorkflowSecretLimit.MaxOrganizationSecrets}.");
            return;
        }

        if (shortfall.BeyondLimit.Count > 0)
        {
            reporter.Warning($"{shortfall.SharedCount} organisation secrets are shared with {owner}/{name}, but a run reads only the first {WorkflowSecretLimit.MaxOrganizationSecrets} in alphabetical order (GitHub's limit), so this run will not see and will not sync: {string.Join(", ", shortfall.BeyondLimit)}. Share fewer organisation secrets with the repository (visibility selected), or make these repository secrets of {owner}/{name}.");
        }

        if (shortfall.NotShared.Count > 0)
        {
            reporter.Verbose($"Not shared with {owner}/{name} (a run sees them empty): {string.Join(", ", shortfall.NotShared)}.");
        }
    }
}
