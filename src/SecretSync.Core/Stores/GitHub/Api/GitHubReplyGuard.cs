using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Under Octokit, refuses successful replies that are not JSON: an HTML page (a proxy or login page), an empty
/// body where a GET expects one, JSON cut short. Octokit would turn them into a null result or a serializer error
/// far from the request; here the status and the address are still known.
/// </summary>
internal sealed class GitHubReplyGuard : DelegatingHandler
{
    public GitHubReplyGuard(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return response;
        }

        var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var problem = text.Trim().Length == 0 ? (request.Method == HttpMethod.Get ? "an empty body" : null)
            : response.Content!.Headers.ContentType?.MediaType is "text/html" || text.TrimStart().StartsWith("<", StringComparison.Ordinal) ? "an HTML page"
            : !IsJson(text) ? "JSON that is cut short or malformed"
            : null;
        if (problem is null)
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        throw new UnreadableReplyException(status, problem, request.Method + " " + request.RequestUri?.AbsolutePath);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None };
            JToken.ReadFrom(reader);
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
