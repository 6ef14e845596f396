using Octokit;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Which of the workflow's secrets a run of it would not see, asked of GitHub before a dispatch: the org secrets
/// shared with the repository (<c>GET /repos/{owner}/{repo}/actions/organization-secrets</c>, github-api §1.2) decide
/// which 100 a run reads (<see cref="WorkflowSecretLimit"/>), and the catalog alone cannot know them.
/// </summary>
public sealed class WorkflowSecretVisibility
{
    private readonly ServiceEndpoint _endpoint;
    private readonly GitHubRetry _retry;

    public WorkflowSecretVisibility(ServiceEndpoint endpoint, ISyncReporter reporter)
    {
        _endpoint = endpoint;
        _retry = new GitHubRetry(reporter);
    }

    /// <summary>
    /// The names of <paramref name="workflowSecrets"/> that a run in <paramref name="owner"/>/<paramref name="repository"/>
    /// would receive empty, by name: beyond the first 100 shared org secrets, or not shared with the repository at all. A
    /// repository secret of the same name is read instead of the org secret, so such a name is never short.
    /// </summary>
    public async Task<WorkflowSecretShortfall> CheckAsync(string owner, string repository, IReadOnlyCollection<string> workflowSecrets, CancellationToken cancellationToken)
    {
        var api = new ApiConnection(GitHubClientFactory.Create(_endpoint).Connection);
        var repositoryPath = $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}/actions";
        var pages = await _retry.AllAsync<RepositorySecretsCollection>(
            api, _endpoint, repositoryPath + "/organization-secrets", $"the organisation secrets shared with {owner}/{repository}", cancellationToken).ConfigureAwait(false);

        var ownSecrets = await _retry.AllAsync<RepositorySecretsCollection>(
            api, _endpoint, repositoryPath + "/secrets", $"the secrets of {owner}/{repository}", cancellationToken).ConfigureAwait(false);
        var own = new HashSet<string>(ownSecrets.SelectMany(p => p.Secrets ?? []).Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        var names = workflowSecrets.Where(n => !own.Contains(n)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();

        var shared = pages.SelectMany(p => p.Secrets ?? []).Select(s => s.Name).ToList();
        var beyondLimit = new HashSet<string>(WorkflowSecretLimit.Unseen(shared), StringComparer.OrdinalIgnoreCase);
        var sharedNames = new HashSet<string>(shared, StringComparer.OrdinalIgnoreCase);
        return new WorkflowSecretShortfall(
            shared.Count,
            names.Where(beyondLimit.Contains).ToList(),
            names.Where(n => !sharedNames.Contains(n)).ToList());
    }
}
