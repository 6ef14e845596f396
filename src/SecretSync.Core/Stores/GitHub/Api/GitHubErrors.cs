using Octokit;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Turns Octokit's exceptions into SecretSync's, naming the organisation or repository, how many attempts were
/// made and what to do. GitHub's own text is redacted (token, known values) and cut to its first line.
/// </summary>
internal static class GitHubErrors
{
    /// <summary>The SecretSync exception for a failure of <paramref name="what"/> (e.g. "organisation ai-cherry").</summary>
    public static SecretSyncException Translate(Exception exception, ServiceEndpoint endpoint, string what) =>
        Translate(exception, endpoint, what, 1, DateTimeOffset.UtcNow);

    /// <summary>As <see cref="Translate(Exception, ServiceEndpoint, string)"/>, after <paramref name="attempts"/> attempts.</summary>
    public static SecretSyncException Translate(Exception exception, ServiceEndpoint endpoint, string what, int attempts, DateTimeOffset now)
    {
        var tries = RetryingHttpClient.Attempts(attempts);
        string Said(ApiException e) => ServiceReply.FirstLine(endpoint.Redactor.Redact(e.ApiError?.Message ?? e.Message));
        return exception switch
        {
            AuthorizationException e => new ServiceAuthenticationException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} refused the token (401): set GITHUB_TOKEN (or GH_TOKEN, or pass -GitHubToken) to a valid token.", e),
            ApiException e when GitHubRateLimit.ResetOf(e) is { } reset => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} rate limit is exhausted until {reset:u} ({(int)e.StatusCode}, {tries}); SecretSync waits at most {RetryingHttpClient.MaxWait.TotalSeconds:0} s for it{(reset > now ? $", and the reset is {Math.Ceiling((reset - now).TotalMinutes):0} min away" : string.Empty)}. Run the command again after {reset:u}.", e),
            ApiException e when GitHubRateLimit.IsSecondary(e) => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} kept applying its secondary rate limit to {what} ({(int)e.StatusCode}, {tries}, waiting at least {GitHubRetry.SecondaryLimitWait.TotalSeconds:0} s between them); wait a few minutes and lower -ThrottleLimit.", e),
            ApiException e when GitHubRateLimit.IsRateLimit(e) => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} kept throttling {what} ({(int)e.StatusCode}, {tries}); wait a few minutes and run the command again.", e),
            ForbiddenException e => new ServiceAuthenticationException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} did not allow access to {what} (403): the token needs admin:org (organisation secrets) or repo/workflow scope.", e),
            NotFoundException e => new ServiceNotFoundException(endpoint.ServiceName, endpoint.Host, $"{endpoint} found no {what} (404), or the token cannot see it: check the name and the token's access.", e),
            ApiValidationException e => new ServiceException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} refused the request for {what} (422): {Said(e)}", e),
            ApiException e when (int)e.StatusCode >= 500 => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} failed for {what} ({(int)e.StatusCode}, {tries}): {Said(e)}. Try again later.", e),
            ApiException e => new ServiceException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} failed for {what} ({(int)e.StatusCode}): {Said(e)}", e),
            UnreadableReplyException e => ServiceReply.Unexpected(e.StatusCode, endpoint, what, e.Problem, "the documented JSON", e),
            HttpRequestException e => TransportFailure.Describe(endpoint, "GITHUB_API_URL", "the request for " + what, attempts, e),
            TaskCanceledException e => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, null, $"{endpoint} did not answer in time for {what} ({tries}).", e),
            SecretSyncException e => e,
            _ => new ServiceException(endpoint.ServiceName, endpoint.Host, null, $"{endpoint} failed for {what}: {endpoint.Redactor.Redact(exception.Message)}", exception),
        };
    }
}
