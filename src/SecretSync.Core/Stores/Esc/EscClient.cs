using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// The Pulumi ESC REST calls SecretSync makes, as the ESC CLI makes them (reference §3, §8): raw YAML definitions
/// with ETag and Pulumi-ESC-Revision, PATCH of the whole document with the ETag request header, yaml/check, open.
/// </summary>
public sealed class EscClient
{
    private const string ApiMediaType = "application/vnd.pulumi+8";
    private readonly ServiceEndpoint _endpoint;
    private readonly RetryingHttpClient _http;
    private readonly TimeProvider _clock;

    public EscClient(ServiceEndpoint endpoint, ISyncReporter reporter, TimeSpan? retryBaseDelay = null, TimeProvider? clock = null)
    {
        _endpoint = endpoint;
        _clock = clock ?? TimeProvider.System;
        _http = new RetryingHttpClient(endpoint, "PULUMI_BACKEND_URL", reporter, baseDelay: retryBaseDelay, clock: clock);
    }

    /// <summary>Host of the service, for messages.</summary>
    public string Host => _endpoint.Host;

    /// <summary>Values this process sends or reads, masked in anything the service says back (errors, diagnostics).</summary>
    public void RememberValues(IEnumerable<string> values) => _endpoint.Redactor.AddRange(values);

    /// <summary>GET of the stored definition (secrets stay ciphertext), its ETag and revision.</summary>
    /// <remarks>
    /// The service sends Pulumi-ESC-Revision with every definition (the esc CLI fails without it, reference §4.1);
    /// a 200 without it is not a definition (a proxy's page, or a list reached by a malformed path), and treating it
    /// as one would PATCH it back, so it is refused.
    /// </remarks>
    public async Task<EscDefinition> GetDefinitionAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "api/esc/environments/" + environment.ApiPath, null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "read").ConfigureAwait(false);
        var revision = EscRevisionHeader(response) ?? throw new ServiceException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} answered the read of {environment} without a Pulumi-ESC-Revision header, so the reply is not an environment definition; nothing was changed. Check PULUMI_BACKEND_URL.");
        var yaml = await ServiceReply.ReadDefinitionAsync(response, _endpoint, "the definition of " + environment).ConfigureAwait(false);
        return new EscDefinition(yaml, response.Headers.ETag?.ToString() ?? ResponseHeaders.First(response, "ETag"), revision);
    }

    /// <summary>PATCH of the whole definition, conditional on <paramref name="etag"/>; returns the new revision.</summary>
    /// <exception cref="EscConflictException">The environment changed since <paramref name="etag"/> was read.</exception>
    /// <exception cref="EscDiagnosticsException">ESC refused the definition; nothing was written.</exception>
    public async Task<long> UpdateDefinitionAsync(EnvironmentRef environment, string yaml, string? etag, CancellationToken cancellationToken)
    {
        // With an ETag a replay cannot apply twice (a landed first attempt changed the ETag: 409), so 5xx and dropped
        // connections are retried; without one only the throttling answers that say nothing was done.
        var mode = etag is null ? RetryMode.ThrottledOnly : RetryMode.ConditionalWrite;
        using var response = await SendAsync(new HttpMethod("PATCH"), "api/esc/environments/" + environment.ApiPath, yaml, etag, mode, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "update").ConfigureAwait(false);
        return EscRevisionHeader(response) ?? throw new ServiceException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} updated {environment} but did not say which revision it made (no Pulumi-ESC-Revision header).");
    }

    /// <summary>Evaluates a definition without saving it (POST /{org}/yaml/check); returns the Environment JSON.</summary>
    public async Task<JObject> CheckAsync(EnvironmentRef environment, string yaml, bool showSecrets, CancellationToken cancellationToken)
    {
        var path = $"api/esc/environments/{Uri.EscapeDataString(environment.Organization)}/yaml/check?showSecrets={(showSecrets ? "true" : "false")}";
        using var response = await SendAsync(HttpMethod.Post, path, yaml, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "check").ConfigureAwait(false);
        var checkedEnvironment = await ServiceReply.ReadObjectAsync(response, _endpoint, $"the check of {environment}").ConfigureAwait(false);
        RememberSecrets(checkedEnvironment);
        return checkedEnvironment;
    }

    /// <summary>
    /// Opens the latest revision and returns its evaluated Environment JSON and that revision's number (3 requests).
    /// The read of an open carries no revision (reference §3 #11), so the revision is taken from the definition's
    /// Pulumi-ESC-Revision and exactly that version is opened (POST …/versions/{n}/open): what is returned is
    /// revision n even when someone writes the environment meanwhile.
    /// </summary>
    public async Task<(JObject Environment, long? Revision)> OpenAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        var revision = (await GetDefinitionAsync(environment, cancellationToken).ConfigureAwait(false)).Revision;
        return (await OpenRevisionAsync(environment, revision, cancellationToken).ConfigureAwait(false), revision);
    }

    /// <summary>Opens revision <paramref name="revision"/> (POST …/versions/{n}/open, then the read: 2 requests) and returns its evaluated Environment JSON.</summary>
    public async Task<JObject> OpenRevisionAsync(EnvironmentRef environment, long revision, CancellationToken cancellationToken)
    {
        var basePath = "api/esc/environments/" + environment.ApiPath;
        var versionPath = basePath + "/versions/" + revision.ToString(CultureInfo.InvariantCulture);
        string id;
        using (var opened = await SendAsync(HttpMethod.Post, versionPath + "/open?duration=2h0m0s", null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(opened, environment, "open").ConfigureAwait(false);
            var openReply = await ServiceReply.ReadObjectAsync(opened, _endpoint, $"the open of {environment}").ConfigureAwait(false);
            id = openReply["id"] is JValue { Type: JTokenType.String or JTokenType.Integer } idValue && idValue.ToString() is { Length: > 0 } text
                ? text
                : throw ServiceReply.WrongShape(opened, _endpoint, $"the open of {environment}", "an object with an \"id\"");
        }

        using var read = await SendAsync(HttpMethod.Get, basePath + "/open/" + Uri.EscapeDataString(id), null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(read, environment, "read the opened").ConfigureAwait(false);
        var openedEnvironment = await ServiceReply.ReadObjectAsync(read, _endpoint, $"the opened {environment}").ConfigureAwait(false);
        RememberSecrets(openedEnvironment);
        return openedEnvironment;
    }

    /// <summary>
    /// Revisions newest first (GET .../versions), at most <paramref name="count"/>, only those older than
    /// <paramref name="before"/> when it is given: <c>before: n + 1, count: 1</c> is revision n itself.
    /// </summary>
    public async Task<List<EscRevisionInfo>> ListRevisionsAsync(EnvironmentRef environment, long? before, int count, CancellationToken cancellationToken)
    {
        var query = "?count=" + count.ToString(CultureInfo.InvariantCulture)
            + (before is { } b ? "&before=" + b.ToString(CultureInfo.InvariantCulture) : string.Empty);
        using var response = await SendAsync(HttpMethod.Get, "api/esc/environments/" + environment.ApiPath + "/versions" + query, null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "list the revisions of").ConfigureAwait(false);

        // Dates stay text so that the offset the service wrote survives (Json.NET would turn them into local DateTimes).
        var list = await ServiceReply.ReadArrayAsync(response, _endpoint, $"the revisions of {environment}").ConfigureAwait(false);
        var revisions = new List<EscRevisionInfo>();
        foreach (var item in list)
        {
            if (item.Type != JTokenType.Object || item["number"]?.Type != JTokenType.Integer)
            {
                throw ServiceReply.WrongShape(response, _endpoint, $"the revisions of {environment}", "an array of {\"number\": n, \"created\": \"...\"}");
            }

            if ((long?)item["number"] is { } number)
            {
                var created = DateTimeOffset.TryParse((item["created"] as JValue)?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
                revisions.Add(new EscRevisionInfo(number, created));
            }
        }

        return revisions;
    }

    /// <summary>Creates an empty environment (revision 1). One that already exists (409: created meanwhile) is fine.</summary>
    public async Task CreateAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        var body = new JObject { ["project"] = environment.Project, ["name"] = environment.Name }.ToString(Newtonsoft.Json.Formatting.None);
        using var response = await SendAsync(HttpMethod.Post, "api/esc/environments/" + Uri.EscapeDataString(environment.Organization), body, null, RetryMode.ThrottledOnly, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        await EnsureSuccessAsync(response, environment, "create").ConfigureAwait(false);
    }

    /// <summary>Names (org/project/env) of the environments the token can see, in one organisation or all, every page.</summary>
    public async Task<List<string>> ListAsync(string? organization, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var basePath = "api/esc/environments" + (organization is null ? string.Empty : "/" + Uri.EscapeDataString(organization));
        string? next = null;
        do
        {
            var path = next is null ? basePath : basePath + "?continuationToken=" + Uri.EscapeDataString(next);
            using var response = await SendAsync(HttpMethod.Get, path, null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, null, "list").ConfigureAwait(false);
            var page = await ServiceReply.ReadObjectAsync(response, _endpoint, "the list of environments").ConfigureAwait(false);
            if (page["environments"] is not (JArray or null) || (page["environments"] as JArray ?? []).Any(e => e.Type != JTokenType.Object) || page["nextToken"] is not (JValue { Type: JTokenType.String or JTokenType.Null } or null))
            {
                throw ServiceReply.WrongShape(response, _endpoint, "the list of environments", "{\"environments\": [...], \"nextToken\": \"...\"}");
            }

            foreach (var env in page["environments"] as JArray ?? [])
            {
                names.Add($"{env["organization"]}/{env["project"] ?? EnvironmentRef.DefaultProject}/{env["name"]}");
            }

            next = (string?)page["nextToken"];
        }
        while (!string.IsNullOrEmpty(next));
        return names;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, string? body, string? etag, RetryMode mode, CancellationToken cancellationToken)
    {
        var uri = new Uri(_endpoint.BaseAddress, relativePath);
        return _http.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("token", _endpoint.Token);
                request.Headers.Accept.ParseAdd(ApiMediaType);
                request.Headers.UserAgent.ParseAdd("SecretSync/1.0");
                if (etag is not null)
                {
                    // The ESC CLI sends the GET's ETag in a request header named ETag (not If-Match): reference §4.2.
                    request.Headers.TryAddWithoutValidation("ETag", etag);
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                return request;
            },
            mode,
            cancellationToken);
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, EnvironmentRef? environment, string operation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var (message, diagnostics) = EscErrorReply.Parse(text, _endpoint.Redactor);
        var what = environment is null ? "environments" : environment.ToString();
        var status = $"{(int)response.StatusCode}";
        var attempts = RetryingHttpClient.Attempts(RetryingHttpClient.AttemptsOf(response));
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ServiceAuthenticationException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} refused the access token (401 Unauthorized): set PULUMI_ACCESS_TOKEN (or -EscToken) to a valid Pulumi access token."),
            HttpStatusCode.Forbidden when EscApprovalText.IsOpenApproval(message) => new EscApprovalRequiredException(Host, response.StatusCode, forOpen: true, $"{_endpoint} requires an approved open request before {what} can be opened (403: {message}). Request open access in the Pulumi Cloud console (the environment's Open access request) and run the command again once it is approved and applied, or use a token whose identity holds an open grant. Retrying does not help."),
            HttpStatusCode.Forbidden => new ServiceAuthenticationException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} did not allow SecretSync to {operation} {what} (403 Forbidden): the token lacks permission on it."),
            HttpStatusCode.NotFound => new ServiceNotFoundException(_endpoint.ServiceName, Host, $"ESC environment {what} was not found at {Host} (404): check the name (org/env or org/project/env) and the token's organisation."),
            HttpStatusCode.Conflict when EscApprovalText.IsUpdateApproval(message) => new EscApprovalRequiredException(Host, response.StatusCode, forOpen: false, $"{_endpoint} requires changes to {what} to be approved (409: {message}); nothing was written. Submit the change as a change request in the Pulumi Cloud console (or 'esc env edit --draft'), or run SecretSync with a token allowed to bypass the environment's approval rules. Retrying does not help."),
            HttpStatusCode.Conflict => new EscConflictException(Host, $"{_endpoint} refused to {operation} {what} (409 Conflict): {message}"),
            // ESC answers a stale ETag with 409; 412 is HTTP's own answer to a failed precondition (If-Match on drafts,
            // or a proxy in between), and means the same: re-read and plan again.
            HttpStatusCode.PreconditionFailed => new EscConflictException(Host, $"{_endpoint} refused to {operation} {what} (412 Precondition Failed): {message}"),
            HttpStatusCode.BadRequest when environment is not null => new EscDiagnosticsException(Host, environment, diagnostics, message),
            (HttpStatusCode)429 => new ServiceUnavailableException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} throttled the request to {operation} {what} (429, {attempts}{WaitAsked(response)}); wait a minute and run the command again."),
            _ when (int)response.StatusCode >= 500 => new ServiceUnavailableException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} failed to {operation} {what} ({status}, {attempts}): {message}. Try again later; {(operation == "update" ? "a rerun reads the environment again, so whether or not the last attempt landed nothing is lost" : "nothing was changed")}."),
            _ => new ServiceException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} could not {operation} {what} ({status}): {message}"),
        };
    }

    // The same clock the retries waited by: a Retry-After date is measured as they measured it.
    private string WaitAsked(HttpResponseMessage response) =>
        RetryAfter.Of(response, _clock.GetUtcNow()) is { } wait && wait > RetryingHttpClient.MaxWait
            ? $"; it asked for a wait of {wait.TotalSeconds:0} s, longer than SecretSync waits ({RetryingHttpClient.MaxWait.TotalSeconds:0} s)"
            : string.Empty;

    // Secret values the service sends back (check with showSecrets, open) are masked in later messages.
    private void RememberSecrets(JToken token) => _endpoint.Redactor.AddRange(EscSecretValues.In(token));

    private static long? EscRevisionHeader(HttpResponseMessage response) =>
        long.TryParse(ResponseHeaders.First(response, "Pulumi-ESC-Revision"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : null;
}
