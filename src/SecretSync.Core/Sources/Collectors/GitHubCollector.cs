using Octokit;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// The inventory of an organisation's Actions secrets: names, visibility and dates, 100 per page, every page.
/// GitHub never returns values, so the records carry none. Catalog aliases (GH_PAT) map back to catalog names.
/// A <c>selected</c> secret costs one more request for its repository count; the list does not carry it.
/// </summary>
internal sealed class GitHubCollector
{
    private readonly ServiceEndpoint _endpoint;
    private readonly SecretCatalog _catalog;
    private readonly SecretRecordFactory _factory;
    private readonly GitHubRetry _retry;

    public GitHubCollector(ServiceEndpoint endpoint, SecretCatalog catalog, SecretRecordFactory factory, ISyncReporter reporter)
    {
        _endpoint = endpoint;
        _catalog = catalog;
        _factory = factory;
        _retry = new GitHubRetry(reporter);
    }

    /// <summary>Every org secret of <paramref name="organization"/>.</summary>
    public async Task<List<SecretRecord>> CollectAsync(string organization, CancellationToken cancellationToken)
    {
        var client = GitHubClientFactory.Create(_endpoint);
        var api = new ApiConnection(client.Connection);
        var pages = await _retry.AllAsync<OrganizationSecretsCollection>(
            api, _endpoint, $"orgs/{Uri.EscapeDataString(organization)}/actions/secrets", $"organisation {organization}'s Actions secrets", cancellationToken).ConfigureAwait(false);

        var records = new List<SecretRecord>();
        foreach (var secret in pages.SelectMany(p => p.Secrets))
        {
            int? selectedCount = null;
            if (string.Equals(secret.Visibility, "selected", StringComparison.OrdinalIgnoreCase))
            {
                var repositories = await _retry.CallAsync(
                    _ => client.Organization.Actions.Secrets.GetSelectedRepositoriesForSecret(organization, secret.Name),
                    _endpoint,
                    $"the repositories of secret {secret.Name}",
                    cancellationToken).ConfigureAwait(false);
                selectedCount = repositories.Count;
            }

            var name = _catalog.FindByGitHubName(secret.Name)?.Name ?? secret.Name;
            records.Add(_factory.WithoutValue(name, SecretSource.GitHub, "github:" + organization, secret.CreatedAt, secret.UpdatedAt, secret.Visibility, selectedCount));
        }

        return records;
    }
}
