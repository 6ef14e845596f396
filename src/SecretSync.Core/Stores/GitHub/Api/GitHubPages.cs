using Octokit;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>Reads a whole GitHub list, page by page, through the retry.</summary>
internal static class GitHubPages
{
    /// <summary>Every page (100 a page) of the list at <paramref name="relativePath"/>; <paramref name="what"/> names it in errors.</summary>
    public static Task<IReadOnlyList<T>> AllAsync<T>(this GitHubRetry retry, ApiConnection api, ServiceEndpoint endpoint, string relativePath, string what, CancellationToken cancellationToken) =>
        retry.CallAsync(_ => api.GetAll<T>(new Uri(relativePath, UriKind.Relative), null, new ApiOptions { PageSize = 100 }), endpoint, what, cancellationToken);
}
