namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// Follows redirects itself so that credentials stay with the origin they were meant for. A hop to another origin
/// (scheme, host or port) loses the Authorization header, and only a request without a body is sent there (a body
/// holds secret values or ciphertext); https never goes down to http. Anything else ends in
/// <see cref="UnsafeRedirectException"/>, so no handler above it (Octokit's own RedirectHandler forwards the token
/// to any port of the same host) ever sees a 3xx to follow.
/// </summary>
internal sealed class SafeRedirectHandler : DelegatingHandler
{
    /// <summary>Hops followed before giving up (GitHub renames chain at most a couple).</summary>
    public const int MaxRedirects = 5;

    public SafeRedirectHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = request.RequestUri!;
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var current = request;
        var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; IsRedirect(response.StatusCode); hop++)
        {
            var from = current.RequestUri!;
            var location = response.Headers.Location;
            if (location is null)
            {
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            response.Dispose();
            var method = KeepsMethod(response.StatusCode, current.Method) ? current.Method : HttpMethod.Get;
            var sendsBody = body is not null && method == current.Method;
            var refusal = hop >= MaxRedirects ? $"more than {MaxRedirects} redirects"
                : target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp ? "not an http(s) address"
                : from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps ? "it leaves https for plain http"
                : sendsBody && !SameOrigin(origin, target) ? "the request has a body, and bodies are sent only to the origin they were meant for"
                : null;
            if (refusal is not null)
            {
                throw new UnsafeRedirectException(from, target, refusal);
            }

            var next = new HttpRequestMessage(method, target);
            foreach (var header in current.Headers)
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (!SameOrigin(origin, target))
            {
                next.Headers.Authorization = null;
                next.Headers.Remove("Cookie");
            }

            if (sendsBody)
            {
                next.Content = new ByteArrayContent(body!);
                foreach (var header in request.Content!.Headers)
                {
                    next.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (current != request)
            {
                current.Dispose();
            }

            current = next;
            response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Same scheme, host and port: the only place a token was given for.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or (HttpStatusCode)308;

    // 307 and 308 repeat the request as it was; 301 and 302 turn a POST into a GET as browsers do; 303 is always a GET.
    private static bool KeepsMethod(HttpStatusCode status, HttpMethod method) =>
        status is HttpStatusCode.TemporaryRedirect or (HttpStatusCode)308
        || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && method != HttpMethod.Post);
}
