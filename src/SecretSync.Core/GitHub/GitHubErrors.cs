using System;
using System.Net.Http;
using System.Threading.Tasks;
using Octokit;
using SecretSync.Core.Credentials;
using SecretSync.Core.Http;

namespace SecretSync.Core.GitHub;

/// <summary>Turns Octokit's exceptions into SecretSync's, naming the organisation or repository and what to do.</summary>
public static class GitHubErrors
{
    /// <summary>The SecretSync exception for a failure of <paramref name="what"/> (e.g. "organisation ai-cherry").</summary>
    public static SecretSyncException Translate(Exception exception, ServiceEndpoint endpoint, string what) => exception switch
    {
        AuthorizationException e => new ServiceAuthenticationException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} refused the token (401): set GITHUB_TOKEN (or GH_TOKEN, or pass -GitHubToken) to a valid token.", e),
        RateLimitExceededException e => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} rate limit is exhausted until {e.Reset:u}; try again then.", e),
        SecondaryRateLimitExceededException or AbuseException => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, ((ApiException)exception).StatusCode, $"{endpoint} kept applying its secondary rate limit to {what}; wait a few minutes and lower -ThrottleLimit.", exception),
        ForbiddenException e => new ServiceAuthenticationException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} did not allow access to {what} (403): the token needs admin:org (organisation secrets) or repo/workflow scope.", e),
        NotFoundException e => new ServiceNotFoundException(endpoint.ServiceName, endpoint.Host, $"{endpoint} found no {what} (404), or the token cannot see it: check the name and the token's access.", e),
        ApiValidationException e => new ServiceException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} refused the request for {what} (422): {e.ApiError?.Message ?? e.Message}", e),
        ApiException e when (int)e.StatusCode == 429 || (int)e.StatusCode >= 500 => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} failed for {what} ({(int)e.StatusCode}) after retries; try again later.", e),
        ApiException e => new ServiceException(endpoint.ServiceName, endpoint.Host, e.StatusCode, $"{endpoint} failed for {what} ({(int)e.StatusCode}): {e.ApiError?.Message ?? e.Message}", e),
        HttpRequestException e => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, null, $"Cannot reach {endpoint}: {e.Message} Check GITHUB_API_URL and the network.", e),
        TaskCanceledException e => new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, null, $"{endpoint} did not answer in time for {what}.", e),
        SecretSyncException e => e,
        _ => new ServiceException(endpoint.ServiceName, endpoint.Host, null, $"{endpoint} failed for {what}: {exception.Message}", exception),
    };
}
