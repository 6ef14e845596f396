using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// GitHub's inventory (names and dates, never values) as both comparisons read it: skipped with a verbose line when
/// no organisation is known, with a warning when no token is, so that a comparison of the other sources goes on.
/// </summary>
internal static class GitHubInventoryRead
{
    /// <summary>The organisation's secrets as records without values, or null when GitHub is skipped.</summary>
    /// <remarks>consequence: what the comparison loses without GitHub, said in both messages ("" for nothing more).</remarks>
    public static async Task<List<SecretRecord>?> CollectAsync(SecretCollector collector, ProjectConfig config, DriftCollectOptions options, string currentDirectory, ISyncReporter reporter, string consequence, CancellationToken cancellationToken)
    {
        var organization = options.Organization ?? config.GitHubOrganization;
        if (organization is null)
        {
            reporter.Verbose($"GitHub not compared{consequence}: pass -Organization or set \"githubOrganization\" in secretsync.json.");
            return null;
        }

        try
        {
            return await collector.CollectAsync(new CollectOptions { Sources = [SecretSource.GitHub], Organization = organization, GitHubToken = options.GitHubToken }, currentDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (MissingCredentialException e)
        {
            reporter.Warning($"GitHub organisation {organization} was not compared{consequence}. {e.Message}");
            return null;
        }
    }
}
