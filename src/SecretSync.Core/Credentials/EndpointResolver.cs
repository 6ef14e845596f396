using System;
using System.Security;
using SecretSync.Core.Secrets;

namespace SecretSync.Core.Credentials;

/// <summary>
/// Finds endpoints and tokens the way the vendors' own tools do: PULUMI_ACCESS_TOKEN and PULUMI_BACKEND_URL for ESC,
/// GITHUB_TOKEN or GH_TOKEN and GITHUB_API_URL for GitHub. A token given as a parameter wins.
/// </summary>
public static class EndpointResolver
{
    /// <summary>Pulumi Cloud's API, used when PULUMI_BACKEND_URL is not set.</summary>
    public const string DefaultPulumiBackend = "https://api.pulumi.com";

    /// <summary>GitHub's API, used when GITHUB_API_URL is not set.</summary>
    public const string DefaultGitHubApi = "https://api.github.com";

    /// <summary>The ESC endpoint; throws <see cref="MissingCredentialException"/> when there is no token.</summary>
    public static ServiceEndpoint Esc(SecureString? token, Func<string, string?> environment)
    {
        var value = token is null ? NonEmpty(environment("PULUMI_ACCESS_TOKEN")) : SecureStrings.Reveal(token);
        if (string.IsNullOrEmpty(value))
        {
            throw new MissingCredentialException("Pulumi ESC needs an access token: set the PULUMI_ACCESS_TOKEN environment variable or pass -EscToken.");
        }

        return new ServiceEndpoint("Pulumi ESC", BaseUri(NonEmpty(environment("PULUMI_BACKEND_URL")) ?? DefaultPulumiBackend, "PULUMI_BACKEND_URL"), value!);
    }

    /// <summary>The GitHub endpoint; throws <see cref="MissingCredentialException"/> when there is no token.</summary>
    public static ServiceEndpoint GitHub(SecureString? token, Func<string, string?> environment)
    {
        var value = token is null
            ? NonEmpty(environment("GITHUB_TOKEN")) ?? NonEmpty(environment("GH_TOKEN"))
            : SecureStrings.Reveal(token);
        if (string.IsNullOrEmpty(value))
        {
            throw new MissingCredentialException("GitHub needs a token: set the GITHUB_TOKEN (or GH_TOKEN) environment variable or pass -GitHubToken.");
        }

        return new ServiceEndpoint("GitHub", BaseUri(NonEmpty(environment("GITHUB_API_URL")) ?? DefaultGitHubApi, "GITHUB_API_URL"), value!);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri BaseUri(string value, string variable)
    {
        if (!Uri.TryCreate(value.EndsWith("/", StringComparison.Ordinal) ? value : value + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new MissingCredentialException($"{variable} must be an absolute http(s) URL; it is set to something else.");
        }

        return uri;
    }
}
