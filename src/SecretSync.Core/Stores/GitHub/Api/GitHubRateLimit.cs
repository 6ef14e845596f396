using Octokit;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>Tells GitHub's rate-limit answers ("Rate limits for the REST API") from its refusals.</summary>
internal static class GitHubRateLimit
{
    /// <summary>True for a 403 or 429 that is a rate limit rather than a refusal.</summary>
    public static bool IsRateLimit(Exception e) => e switch
    {
        RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException => true,
        ApiException { StatusCode: (System.Net.HttpStatusCode)429 } => true,
        ApiException { StatusCode: System.Net.HttpStatusCode.Forbidden } api => Header(api, "x-ratelimit-remaining") == "0" || Header(api, "Retry-After") is not null || IsSecondary(api),
        _ => false,
    };

    /// <summary>A secondary limit: Octokit's type, or GitHub's message (a 429 carries it untyped).</summary>
    public static bool IsSecondary(Exception e) =>
        e is SecondaryRateLimitExceededException or AbuseException
        || (e is ApiException api && (api.ApiError?.Message ?? api.Message ?? string.Empty).IndexOf("secondary rate limit", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>The x-ratelimit-reset time of an exhausted primary limit, or null.</summary>
    public static DateTimeOffset? ResetOf(Exception e) =>
        e is ApiException api && Header(api, "x-ratelimit-remaining") == "0"
        && long.TryParse(Header(api, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset)
            ? DateTimeOffset.FromUnixTimeSeconds(reset)
            : null;

    /// <summary>Header <paramref name="name"/> of the reply behind <paramref name="e"/>, or null.</summary>
    public static string? Header(ApiException e, string name) =>
        e.HttpResponse?.Headers is IReadOnlyDictionary<string, string> headers
            ? headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            : null;
}
