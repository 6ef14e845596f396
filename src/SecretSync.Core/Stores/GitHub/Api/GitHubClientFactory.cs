using Octokit;
using Octokit.Internal;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>Makes Octokit clients for an endpoint.</summary>
internal static class GitHubClientFactory
{
    /// <summary>
    /// A client whose base address is kept exactly as given. GitHubClient's own Uri constructor would append
    /// /api/v3/ to every non-github.com host; GITHUB_API_URL on GitHub Enterprise already ends in /api/v3.
    /// Redirects are followed by <see cref="SafeRedirectHandler"/> under Octokit's own RedirectHandler, which would
    /// otherwise send the token to any port of the same host.
    /// </summary>
    public static GitHubClient Create(ServiceEndpoint endpoint)
    {
        var transport = endpoint.Transport ?? HttpMessageHandlerFactory.CreateDefault;
        var connection = new Connection(
            new ProductHeaderValue("SecretSync", typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "1.0"),
            endpoint.BaseAddress,
            new InMemoryCredentialStore(new Octokit.Credentials(endpoint.Token)),
            new HttpClientAdapter(() => new GitHubReplyGuard(new SafeRedirectHandler(transport()))),
            new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(TimeSpan.FromSeconds(100));
        return client;
    }
}
