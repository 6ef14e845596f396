using System.Security;

namespace SecretSync.Core.Plumbing.Credentials;

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

    /// <summary>Set to 1 (or true) to allow plain-http endpoints off loopback; the token then crosses the network in clear text.</summary>
    public const string AllowInsecureVariable = "SECRETSYNC_ALLOW_INSECURE_ENDPOINT";

    /// <summary>The ESC endpoint; throws <see cref="MissingCredentialException"/> when there is no token.</summary>
    public static ServiceEndpoint Esc(SecureString? token, Func<string, string?> environment)
    {
        var value = token is null ? NonEmpty(environment("PULUMI_ACCESS_TOKEN")) : SecureStrings.Reveal(token);
        if (string.IsNullOrEmpty(value))
        {
            throw new MissingCredentialException("Pulumi ESC needs an access token: set the PULUMI_ACCESS_TOKEN environment variable or pass -EscToken.");
        }

        return new ServiceEndpoint("Pulumi ESC", BaseUri(NonEmpty(environment("PULUMI_BACKEND_URL")) ?? DefaultPulumiBackend, "PULUMI_BACKEND_URL", environment), value!);
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

        return new ServiceEndpoint("GitHub", BaseUri(NonEmpty(environment("GITHUB_API_URL")) ?? DefaultGitHubApi, "GITHUB_API_URL", environment), value!);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Uri BaseUri(string value, string variable, Func<string, string?> environment)
    {
        if (!Uri.TryCreate(value.EndsWith("/", StringComparison.Ordinal) ? value : value + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new MissingCredentialException($"{variable} must be an absolute http(s) URL; it is set to something else.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri) && !AllowsInsecure(environment(AllowInsecureVariable)))
        {
            throw new InsecureEndpointException(
                $"{variable} is a plain http:// address off this machine ({uri.GetLeftPart(UriPartial.Authority)}): SecretSync would send the access token and secret values in clear text, "
                + $"readable and replayable by anyone on the path. Use https. If the network is trusted (a test lab), set {AllowInsecureVariable}=1 to allow it.");
        }

        return uri;
    }

    // Loopback never leaves the machine: 127.0.0.0/8, ::1 and the name localhost (RFC 6761 reserves it for loopback).
    // Other names are not resolved here: a name that resolves to 127.0.0.1 today can resolve elsewhere tomorrow.
    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    private static bool AllowsInsecure(string? value) =>
        value is not null && (value.Trim() == "1" || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
